"""Reference timing for bench/tsne_bench.ts: scikit-learn TSNE on the same
points (raw little-endian float64 file, n x d), after PCA to 50 dimensions as
our tsne() does by default. Prints one JSON line: wall seconds, CPU seconds
(all threads), KL divergence, 10-NN label purity."""
import json
import sys
import time

import numpy as np
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE
from sklearn.neighbors import NearestNeighbors

path, n, d, labels_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
X = np.fromfile(path, dtype="<f8").reshape(n, d)
labels = np.fromfile(labels_path, dtype="<i4")
t0 = time.perf_counter()
c0 = time.process_time()
Z = PCA(n_components=50, svd_solver="full").fit_transform(X) if d > 50 else X
model = TSNE(perplexity=30, early_exaggeration=12, learning_rate="auto",
             init="pca", random_state=0)
Y = model.fit_transform(Z)
seconds = time.perf_counter() - t0
cpu = time.process_time() - c0
idx = NearestNeighbors(n_neighbors=11).fit(Y).kneighbors(Y, return_distance=False)[:, 1:]
purity = float((labels[idx] == labels[:, None]).mean())
print(json.dumps({"seconds": seconds, "cpu": cpu, "kl": float(model.kl_divergence_),
                  "purity": purity, "sklearn": __import__("sklearn").__version__}))
