// The one place the evaluate area imports the results loaders from
// (results <- evaluate; never metrics). Not exported from mod.ts.
export { parseChoice } from "../results/parse_choice.ts";
export {
  loadItems,
  loadPredictions,
  loadResults,
} from "../results/load_results.ts";
export { findTable, readTable } from "../results/read_table.ts";
