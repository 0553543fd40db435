"""Drives Sharpflow's KFP v2beta1 API the way kfp.Client (kfp_server_api) does, with only the standard library.

Usage: kfp_client_flow.py BASE_URL PIPELINE_YAML WORD
Prints one JSON object with what it saw; exits non-zero on the first unexpected answer.
"""

import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import yaml

BASE, PIPELINE_FILE, WORD = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
API = BASE + "/apis/v2beta1"
FINISH_STATES = ["succeeded", "failed", "skipped", "error", "canceled"]
EQUALS = 1


def call(method, url, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Accept", "application/json")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {url} answered {error.code}: {error.read().decode()}")


def query(**params):
    return "?" + urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})


def name_filter(name):
    return json.dumps({"predicates": [{"operation": EQUALS, "key": "display_name", "stringValue": name}]})


def upload_pipeline(path, name):
    boundary = uuid.uuid4().hex
    with open(path, "rb") as f:
        content = f.read()
    body = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"uploadfile\"; filename=\"{path.split('/')[-1]}\"\r\n"
        f"Content-Type: application/octet-stream\r\n\r\n"
    ).encode() + content + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(API + "/pipelines/upload" + query(name=name), data=body, method="POST")
    request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def wait_for_run_completion(run_id, timeout=90):
    start = time.time()
    while True:
        run = call("GET", f"{API}/runs/{run_id}")
        if run.get("state", "").lower() in FINISH_STATES:
            return run
        if time.time() - start > timeout:
            sys.exit(f"run {run_id} did not finish: {run}")
        time.sleep(0.2)


seen = {"healthz": call("GET", API + "/healthz")}

experiments = call("GET", API + "/experiments" + query(filter=name_filter("Default")))
if experiments.get("experiments"):
    experiment = experiments["experiments"][0]
else:
    experiment = call("POST", API + "/experiments", {"display_name": "Default"})

pipeline_name = "py-" + WORD
pipeline = upload_pipeline(PIPELINE_FILE, pipeline_name)
found = call("GET", API + "/pipelines" + query(filter=name_filter(pipeline_name)))
assert found["pipelines"][0]["pipeline_id"] == pipeline["pipeline_id"], found
versions = call("GET", f"{API}/pipelines/{pipeline['pipeline_id']}/versions" + query(page_size=10, sort_by="created_at desc"))
version_id = versions["pipeline_versions"][0]["pipeline_version_id"]

from_version = call("POST", API + "/runs", {
    "experiment_id": experiment["experiment_id"],
    "display_name": f"{pipeline_name} from version",
    "pipeline_version_reference": {"pipeline_id": pipeline["pipeline_id"], "pipeline_version_id": version_id},
    "runtime_config": {"parameters": {"param2": WORD}},
})

with open(PIPELINE_FILE) as f:
    documents = list(yaml.safe_load_all(f))
inline = call("POST", API + "/runs", {
    "experiment_id": experiment["experiment_id"],
    "display_name": f"{pipeline_name} inline",
    "pipeline_spec": documents[0],
    "runtime_config": {"parameters": {"param1": "inline", "param2": WORD}},
})

runs = [wait_for_run_completion(r["run_id"]) for r in (from_version, inline)]
listed = call("GET", API + "/runs" + query(experiment_id=experiment["experiment_id"], page_size=200, filter=name_filter(f"{pipeline_name} inline")))
logs = []
for run in runs:
    task = next(t for t in run["run_details"]["task_details"] if "pod_name" in t)
    with urllib.request.urlopen(f"{BASE}/apis/v1alpha1/runs/{run['run_id']}/nodes/{task['task_id']}/log", timeout=30) as response:
        logs.append(response.read().decode())

seen.update({
    "experiment": experiment["display_name"],
    "states": [r["state"] for r in runs],
    "listed": [r["run_id"] for r in listed.get("runs", [])],
    "inline_run_id": inline["run_id"],
    "logs": logs,
})
print(json.dumps(seen))
