/**
 * One part of a site built in parts (see buildSiteInParts.ts), in a process of its own: the
 * part, the build options and the folder the parts are handed on in come as JSON in the first
 * argument (PartProcessRequest).
 */
import { explainBuildFailure } from "../cli/explainBuildFailure.ts";
import { buildPart, type PartProcessRequest } from "./buildSiteInParts.ts";

const { part, options, partsDir } = JSON.parse(process.argv[2]) as PartProcessRequest;
try {
  await buildPart(part, options, partsDir);
} catch (error) {
  console.error(explainBuildFailure(error));
  process.exitCode = 1;
}
