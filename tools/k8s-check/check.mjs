// Validates every object of the given multi-document YAML files against the Kubernetes schemas of kubernetes-models
// (and its KEDA and Prometheus Operator packages). Objects of operators those packages do not describe (CloudNativePG,
// RabbitMQ Cluster Operator) get a structural check and are counted apart. Exits 1 on the first file with an error.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const packages = [
  { group: "", module: (version) => `kubernetes-models/${version}` },
  { group: "keda.sh", module: (version) => `@kubernetes-models/keda/keda.sh/${version}` },
  { group: "monitoring.coreos.com", module: (version) => `@kubernetes-models/prometheus-operator/monitoring.coreos.com/${version}` },
];
const structural = new Set(["postgresql.cnpg.io", "rabbitmq.com"]);

async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const specific = packages.find((candidate) => candidate.group === group && candidate.group !== "");
  const path = specific ? specific.module(version) : group === "" ? `kubernetes-models/${version}` : `kubernetes-models/${group}/${version}`;
  if (structural.has(group)) {
    return null;
  }
  let module;
  try {
    module = await import(path);
  } catch {
    throw new Error(`no schema for ${apiVersion} (looked for ${path})`);
  }
  if (!module[kind]) {
    throw new Error(`no schema for ${kind} in ${apiVersion}`);
  }
  return module[kind];
}

let validated = 0;
let checked = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      console.error(`${file}: ${document.errors[0].message}`);
      failed++;
      continue;
    }
    const object = document.toJS();
    if (!object) continue;
    const name = `${object.kind}/${object.metadata?.name} (${file})`;
    try {
      const Model = await modelFor(object.apiVersion, object.kind);
      if (Model) {
        new Model(object).validate();
        validated++;
      } else {
        if (!object.metadata?.name || typeof object.spec !== "object") throw new Error("needs metadata.name and a spec");
        checked++;
      }
    } catch (error) {
      console.error(`${name}: ${error.message}`);
      failed++;
    }
  }
}
console.log(`${validated} objects valid against their schema, ${checked} operator objects checked for shape, ${failed} invalid`);
process.exit(failed === 0 && validated > 0 ? 0 : 1);
