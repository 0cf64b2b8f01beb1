import { runSubgraph } from '@iag/kit';
import { stateMain } from './main';

await runSubgraph(stateMain, process.env);
