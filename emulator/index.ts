/**
 * The offline Workspace as a library (README.md beside this file): open a workbook with its
 * emulated Drive, mail and state, load Apps Script files into it, call their functions, read
 * cells, save. The command line (`clerk`, or the package's `gas-workspace-emulator` bin) is
 * `main`. From plain JavaScript: node.cjs.
 */
export {
  Workspace,
  ClerkInputError,
  PERMISSIVE_SCOPES,
  workspaceDirFor,
  readManifest,
  type Manifest,
  type WorkspaceOptions,
  type WorkspaceState,
} from './workspace';
export {
  main,
  USAGE,
  callAsSheetsWould,
  fireEdit,
  userEdit,
  pastePlan,
  runMenuActions,
  projectConfig,
  activeUserFor,
} from './cli';
export {ScriptRuntime, ScriptError, ScriptFunctionNotFound, ScriptLoadError} from './runtime';
export {BufferIo, processIo, type Io} from './services/io';
export {newContext, makeClock, type ServiceContext} from './context';
export {CallStats} from './stats';
export {getComputed, loadXlsx, saveXlsx, newWorkbookModel, createSpreadsheetApp} from './sheets';
export {saveSeam} from './journal';
export {lockFileFor} from './book-lock';
