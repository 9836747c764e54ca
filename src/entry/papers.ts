// Entry points for the papers features: top-level functions the menu and triggers call.
import { agendaPackCommand } from '../papers/commands';
import { runCommand } from '../papers/session';

/** Committee > Generate agenda pack: full and public agenda Docs for the selected meeting. */
export function generateAgendaPack(): void {
  runCommand(() => {
    agendaPackCommand(SpreadsheetApp.getActiveSpreadsheet());
  });
}
