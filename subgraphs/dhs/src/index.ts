import { runSubgraph } from '@iag/kit';
import { dhsMain } from './main';

await runSubgraph(dhsMain, process.env);
