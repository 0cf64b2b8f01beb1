import { runSubgraph } from '@iag/kit';
import { cisaMain } from './main';

await runSubgraph(cisaMain, process.env);
