"""pandas reference for bench/load_bench.ts: load a FORMAT.md results
directory with read_csv, run validation-ish checks (the same rules our loader
applies, vectorized), extract letters from responses with the default rule,
then compute the tables' aggregations: accuracy per model x severity, per
model x task and per model x category over L1&L2, voting confidence per
model x item and calibration shift per model x level. Prints one JSON line.
"""
import json
import re
import resource
import sys
import time

try:
    import numpy as np
    import pandas as pd
except ImportError as e:  # pandas may be absent
    print(json.dumps({"skipped": f"cannot import pandas: {e}"}))
    sys.exit(0)

MODALITIES = ["CT", "MRI", "X-ray", "Ultrasound", "Endoscopy", "Histopathology", "Dermoscopy"]
TASK_BOUNDS = [(6, "CU"), (15, "AR"), (19, "IP"), (22, "BS"), (26, "Diag"), (30, "Treat")]
SKILLS = ["Disease Diagnosis", "Severity Grading", "Basic Science Understanding", "Lesion Grading",
          "Attribute Recognition", "Treatment Understanding", "Skeletal System", "Cardiovascular",
          "Abdominal Structures", "Respiratory System", "Gastrointestinal Tract", "Neurovascular",
          "General Structures", "Muscle Recognition", "Cell and Microbes", "Counting",
          "Surgical Workflow Recognition", "Image Quality Grading", "Surgical Instrument Recognition",
          "General Science Reasoning", "Pathophysiological Reasoning", "Clinical Correlation",
          "General Diagnosis Reasoning", "Laboratory/Imaging Interpretation",
          "Clinical Presentation Analysis", "Disease Mechanism Recognition", "Treatment Reasoning",
          "Pharmacological Treatment", "Initial/Emergency Management", "Surgical Treatment Selection"]
CATEGORY = {}
for ids, cat in [("limited_angle sparse_view bias_field_artifact undersampling_artifact ghosting_artifact "
                  "blood_cell_artifact dark_spots_artifact", "Artif"),
                 ("rotation_artifact random_motion_artifact", "Motio"),
                 ("adjust_brightness exposure_artifact reduce_contrast", "Intens"),
                 ("gaussian_noise low_dose", "Noise"),
                 ("downsample_artifact motion_blur gaussian_blur bubble_artifact xray_motion_blur_artifact", "RB")]:
    for d in ids.split():
        CATEGORY[d] = cat
SKILL_TASK = {}
lo = 0
for hi, task in TASK_BOUNDS:
    for s in SKILLS[lo:hi]:
        SKILL_TASK[s] = task
    lo = hi

SINGLE = re.compile(r"^(?:\(([A-Za-z])\)|\[([A-Za-z])\]|([A-Za-z]))[.:]?$")
ANSWER = re.compile(r"[Aa][Nn][Ss][Ww][Ee][Rr]\s*(?:[Ii][Ss]\s*)?(?:[:\-]\s*)?"
                    r"(?:[Oo][Pp][Tt][Ii][Oo][Nn]\s*)?(?:[(\[]\s*)?([A-Z])(?!\w)")
STANDALONE = re.compile(r"(?<!\w)[A-Z](?!\w)")


def parse_choice(text, k):
    text = re.sub(r"[*_`#]", "", text).strip()
    if not text:
        return ""
    m = SINGLE.match(text)
    if m:
        letter = (m.group(1) or m.group(2) or m.group(3)).upper()
        return letter if ord(letter) - 65 < k else ""
    m = ANSWER.search(text)
    if m:
        return m.group(1) if ord(m.group(1)) - 65 < k else ""
    for m in STANDALONE.finditer(text):
        if ord(m.group(0)) - 65 < k:
            return m.group(0)
    return ""


LETTER_CODE = {"": -1, **{chr(65 + i): i for i in range(26)}}


def main(d):
    t0, c0 = time.perf_counter(), time.process_time()
    opts = dict(dtype=str, keep_default_na=False)
    items = pd.read_csv(f"{d}/items.csv", **opts)
    models = pd.read_csv(f"{d}/models.csv", **opts)
    preds = pd.read_csv(f"{d}/predictions.csv", keep_default_na=False,
                        dtype={"model": "category", "item_id": "category", "trial": "int64",
                               "choice": str, "response": str})

    # Items rules (small table).
    assert items["item_id"].ne("").all() and items["item_id"].is_unique
    assert items["modality"].isin(MODALITIES).all() and items["skill"].isin(SKILLS).all()
    assert items["severity"].str.fullmatch(r"\d+").all() and items["n_options"].str.fullmatch(r"\d+").all()
    sev = items["severity"].astype(int).to_numpy()
    assert ((sev >= 0) & (sev <= 2)).all()
    assert ((items["degradation"] == "none").to_numpy() == (sev == 0)).all()
    assert items["degradation"].isin(list(CATEGORY) + ["none"]).all()
    k = items["n_options"].astype(int).to_numpy()
    assert ((k >= 2) & (k <= 26)).all()
    answer = items["answer"].map(LETTER_CODE).to_numpy()
    assert (answer >= 0).all() and (answer < k).all()
    task = items["skill"].map(SKILL_TASK).to_numpy()
    category = items["degradation"].map(CATEGORY).fillna("none").to_numpy()
    # Models rules.
    assert models["model"].ne("").all() and models["model"].is_unique
    assert models["group"].isin(["proprietary", "open-source", "medical"]).all()
    # Predictions rules, vectorized: membership, trial >= 1, unique triples, choice letters.
    assert preds["model"].isin(models["model"]).all()
    item_idx = pd.Index(items["item_id"]).get_indexer(preds["item_id"].astype(str))
    assert (item_idx >= 0).all()
    assert (preds["trial"] >= 1).all()
    assert not preds.duplicated(["model", "item_id", "trial"]).any()
    code = preds["choice"].map(LETTER_CODE)
    assert code.notna().all()
    code = code.to_numpy().astype(np.int64)
    kk = k[item_idx]
    assert (code < kk).all()
    need = np.flatnonzero((code == -1) & (preds["response"] != "").to_numpy())
    responses = preds["response"].to_numpy()
    code[need] = [LETTER_CODE[parse_choice(responses[i], kk[i])] for i in need]
    t1, c1 = time.perf_counter(), time.process_time()

    # Tables: per (model, item) correctness and voting confidence, then aggregations.
    model_code = preds["model"].cat.codes.to_numpy()
    p = pd.DataFrame({"m": model_code, "i": item_idx, "code": code,
                      "correct": (code == answer[item_idx]).astype(float)})
    per_item = p.groupby(["m", "i"], sort=False).agg(correct=("correct", "mean"), trials=("code", "size"))
    votes = p[p["code"] >= 0].groupby(["m", "i", "code"], sort=False).size().rename("votes").reset_index()
    votes["V"] = votes.groupby(["m", "i"], sort=False)["votes"].transform("sum")
    q = votes["votes"] / votes["V"]
    votes["h"] = -q * np.log(q)
    vc = votes.groupby(["m", "i"], sort=False).agg(H=("h", "sum"), V=("V", "first"))
    per_item = per_item.join(vc, how="left").reset_index()
    ii = per_item["i"].to_numpy()
    per_item["severity"], per_item["task"], per_item["category"] = sev[ii], task[ii], category[ii]
    per_item["V"] = per_item["V"].fillna(0)
    per_item["H"] = per_item["H"].fillna(0)
    per_item["conf"] = (per_item["V"] / per_item["trials"]) * (
        1 - per_item["H"] / np.log(k[ii])).clip(0, 1)
    acc_sev = per_item.pivot_table(index="m", columns="severity", values="correct", aggfunc="mean")
    deg = per_item[per_item["severity"] > 0]
    acc_task = deg.pivot_table(index="m", columns="task", values="correct", aggfunc="mean")
    acc_cat = deg.pivot_table(index="m", columns="category", values="correct", aggfunc="mean")
    conf_sev = per_item.pivot_table(index="m", columns="severity", values="conf", aggfunc="mean")
    calib = conf_sev - acc_sev
    drops = acc_task.sub(acc_sev[0], axis=0), acc_cat.sub(acc_sev[0], axis=0)
    t2, c2 = time.perf_counter(), time.process_time()
    assert len(calib) == len(models) and all(len(x) for x in drops)
    print(json.dumps({"rows": int(len(preds)), "load": t1 - t0, "tables": t2 - t1,
                      "loadCpu": c1 - c0, "tablesCpu": c2 - c1,
                      "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main(sys.argv[1])
