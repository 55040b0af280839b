// Run tests/lite_pyodide/harness.py inside Pyodide under Node: the xlwings Lite Check script on a
// workbook given as JSON, with lm-excel and its pure dependencies installed from local wheels.
//
//   node run.mjs PYODIDE_DIR WHEELS_DIR PAYLOAD_JSON OUT_JSON [REPEAT]
//
// PYODIDE_DIR is the npm package `pyodide` (its folder in node_modules); WHEELS_DIR holds the
// .whl files; the result (see harness.py) is written to OUT_JSON.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [pyodideDir, wheelsDir, payloadPath, outPath, repeat = "1"] = process.argv.slice(2);
// A Python error is reported by its traceback alone (Node would print Pyodide's whole source line).
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
function fail(err) {
  console.error(err && err.message ? err.message : String(err));
  process.exit(1);
}
const here = dirname(fileURLToPath(import.meta.url));
const { loadPyodide } = await import(pathToFileURL(join(resolve(pyodideDir), "pyodide.mjs")).href);
const started = performance.now();
const py = await loadPyodide({ indexURL: resolve(pyodideDir) + "/" });
const booted = performance.now();

py.FS.mkdirTree("/wheels");
py.FS.mount(py.FS.filesystems.NODEFS, { root: resolve(wheelsDir) }, "/wheels");
const wheels = readdirSync(wheelsDir).filter((n) => n.endsWith(".whl"));
py.globals.set("wheel_names", py.toPy(wheels));
// A pure wheel is a zip laid out as site-packages: unpacking it is installing it (no micropip,
// no network).
py.runPython(`
import site, zipfile
target = site.getsitepackages()[0]
for name in wheel_names:
    zipfile.ZipFile("/wheels/" + name).extractall(target)
`);
py.globals.set("harness_source", readFileSync(join(here, "harness.py"), "utf8"));
py.globals.set("payload_json", readFileSync(payloadPath, "utf8"));
py.globals.set("repeat", Number(repeat));
const result = await py.runPythonAsync(`
import json, types
harness = types.ModuleType("harness")
exec(harness_source, harness.__dict__)
out = await harness.run_check(json.loads(payload_json), repeat)
json.dumps(out)
`);
const data = JSON.parse(result);
data.boot_seconds = (booted - started) / 1000;
writeFileSync(outPath, JSON.stringify(data));
