// Entry points for the money features: top-level functions the menu and triggers call.
export {};
