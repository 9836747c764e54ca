// Entry points for the papers features: top-level functions the menu and triggers call.
export {};
