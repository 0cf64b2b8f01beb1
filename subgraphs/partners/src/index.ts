import { runSubgraph } from '@iag/kit';
import { partnersMain } from './main';

await runSubgraph(partnersMain, process.env);
