/**
 * TODAY() and NOW() read the emulated clock (`--today`), not the machine's date.
 *
 * HyperFormula registers function plugins for the whole process, but builds one plugin
 * instance per engine with that engine's config: each workbook passes its clock in the
 * config's `context` (hyperformula.handsontable.com/guide/custom-functions.html, "context"),
 * so two workbooks with different clocks in one process each see their own day.
 *
 * The built-in TODAY/NOW are volatile: every edit anywhere recalculates every formula that
 * uses them (the whole Dashboard). The emulated day does not change during a run, so these
 * are not volatile: a value is computed when its cell is written or the workbook opened.
 */
import {
  CellValueDetailedType,
  FunctionPlugin,
  HyperFormula,
  ImplementedFunctions,
} from 'hyperformula';
import {instantToSerial} from './dates';

/** What a workbook passes to its engine: the clock, and its spreadsheet time zone (read at compute time). */
export interface EngineContext {
  now(): Date;
  timeZone(): string;
  /** The days (serials) TODAY() has given in this engine: kept by the plugin. */
  days?: Set<number>;
}

function serialNow(ctx: unknown): number {
  const c = ctx as Partial<EngineContext> | undefined;
  const now = typeof c?.now === 'function' ? c.now() : new Date();
  const tz = typeof c?.timeZone === 'function' ? c.timeZone() : 'Europe/London';
  return instantToSerial(now.getTime(), tz);
}

type RunArgs = Parameters<ClockPlugin['run']>;

class ClockPlugin extends FunctionPlugin {
  /** The protected runFunction's argument types, without deep imports from HyperFormula's typings. */
  run(...args: Parameters<FunctionPlugin['runFunction']>) {
    return this.runFunction(...args);
  }
  static implementedFunctions: ImplementedFunctions = {
    TODAY: {method: 'today', parameters: [], returnNumberType: CellValueDetailedType.NUMBER_DATE},
    NOW: {method: 'now', parameters: [], returnNumberType: CellValueDetailedType.NUMBER_DATETIME},
  };
  today(ast: {args: RunArgs[0]}, state: RunArgs[1]) {
    return this.runFunction(ast.args, state, this.metadata('TODAY'), () => {
      const day = Math.floor(serialNow(this.config.context));
      const c = this.config.context as Partial<EngineContext> | undefined;
      if (c && typeof c === 'object') (c.days ??= new Set()).add(day);
      return day;
    });
  }
  now(ast: {args: RunArgs[0]}, state: RunArgs[1]) {
    return this.runFunction(ast.args, state, this.metadata('NOW'), () =>
      serialNow(this.config.context),
    );
  }
}

let registered = false;

/** Replaces HyperFormula's TODAY and NOW in this process (once, before engines are built). */
export function registerClockFunctions(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(ClockPlugin as never);
  registered = true;
}

/**
 * True when every TODAY() the engine has computed gave today, as it would now: a TODAY formula
 * written again would give what it holds.
 */
export function todayAsComputed(hf: HyperFormula): boolean {
  const ctx = hf.getConfig().context as Partial<EngineContext> | undefined;
  const days = ctx?.days;
  return !!days && days.size === 1 && days.has(Math.floor(serialNow(ctx)));
}
