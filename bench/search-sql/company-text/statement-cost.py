#!/usr/bin/env python3
"""statement-cost.py sqlite <db> <dir> [runs] | statement-cost.py pg <database> <dir> [runs]: per page, each statement's
CPU time (SQLite) or buffers and lowest execution time (PostgreSQL), and their sum."""
import os, re, subprocess, sys, collections
kind, db, d = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else (20 if kind == 'sqlite' else 5)
pages = collections.OrderedDict()
for f in sorted(os.listdir(d), key=lambda f: (f.rsplit('.', 2)[0], int(f.rsplit('.', 2)[1]))):
    pages.setdefault(f.rsplit('.', 2)[0], []).append(f)
for page, files in pages.items():
    parts = []
    total = 0.0; tbuf = 0
    for f in files:
        path = os.path.join(d, f)
        if kind == 'sqlite':
            out = subprocess.run(['bash', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'sql-cpu.sh'), db, path, str(runs)], capture_output=True, text=True).stdout
            ms = float(out.split()[1]); total += ms; parts.append(f'{ms:.2f}')
        else:
            best = None; buf = None
            for _ in range(runs):
                out = subprocess.run(['psql', '-d', db, '-Atf', path], capture_output=True, text=True).stdout
                t = float(re.search(r'Execution Time: ([\d.]+)', out).group(1))
                b = re.search(r'Buffers: shared( hit=(\d+))?( read=(\d+))?', out)
                nb = (int(b.group(2) or 0) + int(b.group(4) or 0)) if b else 0
                best = t if best is None else min(best, t); buf = nb
            total += best; tbuf += buf; parts.append(f'{buf}b/{best:.2f}')
    if kind == 'sqlite':
        print(f'{page:28s} total {total:6.2f} ms   [{" + ".join(parts)}]')
    else:
        print(f'{page:28s} total {tbuf:6d} buffers {total:7.2f} ms   [{" + ".join(parts)}]')
