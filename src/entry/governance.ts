// Entry points for the governance features: top-level functions the menu and triggers call.
export {};
