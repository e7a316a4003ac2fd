import {readFile} from "node:fs/promises";
import {readPdfDestinations} from "./render/pdf/pdf-destinations.ts";
const d = await readPdfDestinations(await readFile("dist/2020/report.pdf"));
console.log(JSON.stringify(d.destinations));
