"""The publish templates in ci/ as code that runs: the GitHub workflow linted (jactionlint,
with ShellCheck on its run: steps), every shell script of the project through ShellCheck,
``ci/publiceer-rsync`` over ssh to a real sshd on 127.0.0.1 with a throw-away key (under
strace, which records every command started), and the GitLab pipeline's jobs run by
gitlab-ci-local (shell executor) against a copy of the project in a local Git repository,
publishing the internal site to that sshd.

Every tool is a pinned dependency installed by scripts/setup-venv (PyPI) and
scripts/install-test-tools (npm, Debian); a missing tool fails these tests, never skips them.
"""

from __future__ import annotations

import getpass
import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from helpers import FIXTURES, ROOT

CI = ROOT / "ci"
PUBLISH = CI / "publiceer-rsync"
BIN = Path(sys.executable).parent
SSHD = Path("/usr/sbin/sshd")
GITLAB_CI_LOCAL = ROOT / "node_modules" / ".bin" / "gitlab-ci-local"
INSTALL = "Installeer het met sh scripts/setup-venv en sh scripts/install-test-tools."
# A destination with everything that breaks unquoted shell code: spaces, both quotes, a
# glob character and a leading dash in a path component.
AWKWARD = "intranet met spatie/'enkel' en \"dubbel\" [*]/-site"


def tool(path: Path | str | None) -> str:
    """The tool's path; fails (never skips) when it is not installed."""
    found = shutil.which(str(path)) if path is not None else None
    assert found, f"{path} ontbreekt. {INSTALL}"
    return found


# --- linters -----------------------------------------------------------------------------------

def shell_scripts() -> list[Path]:
    """Every shell script of the project: *.sh files and files whose first line starts a
    POSIX shell or bash, found among the files Git knows (tracked or new, not ignored)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode()
    found = []
    for name in sorted(set(filter(None, listed.split("\0")))):
        path = ROOT / name
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as handle:
            first = handle.readline(200)
        if name.endswith(".sh") or re.match(rb"#!\s*/(usr/)?bin/(env\s+)?(sh|bash|dash)\b", first):
            found.append(path)
    return found


def test_every_shell_script_of_the_project_passes_shellcheck() -> None:
    scripts = shell_scripts()
    names = {p.relative_to(ROOT).as_posix() for p in scripts}
    # The search finds scripts by their first line: the known ones must be among them.
    assert {"ci/publiceer-rsync", ".ci/run", "scripts/setup-venv", "scripts/test"} <= names
    result = subprocess.run([tool(BIN / "shellcheck"), "--format=gcc", *map(str, scripts)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_shellcheck_finds_an_unquoted_expansion(tmp_path: Path) -> None:
    # The linter run above can fail: the mistake that broke publiceer-rsync is a finding.
    script = tmp_path / "fout"
    script.write_text('#!/bin/sh\nlink=""\nrsync -a ${link} "$1" "$2"\n', "utf-8")
    result = subprocess.run([tool(BIN / "shellcheck"), str(script)], capture_output=True,
                            text=True, check=False)
    assert result.returncode != 0 and "SC2086" in result.stdout


def gitlab_job_scripts() -> dict[str, str]:
    """Each GitLab job's shell code (default before_script, script, after_script) as one
    script."""
    config = yaml.safe_load((CI / "gitlab-ci.yml").read_text("utf-8"))
    default = config["default"]
    scripts = {}
    for name, job in config.items():
        if not isinstance(job, dict) or "script" not in job:
            continue
        lines = [*default.get("before_script", []), *job["script"],
                 *default.get("after_script", [])]
        scripts[name] = "#!/bin/sh\n" + "\n".join(lines) + "\n"
    return scripts


def test_the_gitlab_jobs_shell_code_passes_shellcheck(tmp_path: Path) -> None:
    scripts = gitlab_job_scripts()
    assert {"controle", "pages", "intern", "verouderd"} <= set(scripts)
    for name, text in scripts.items():
        (tmp_path / name).write_text(text, "utf-8")
    result = subprocess.run([tool(BIN / "shellcheck"), "--format=gcc",
                             *(str(tmp_path / n) for n in scripts)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def jactionlint(workflow: Path) -> subprocess.CompletedProcess[str]:
    # --shellcheck names the binary: without it jactionlint would skip the run: steps quietly.
    return subprocess.run([tool(BIN / "jactionlint"), "--strict-exit", "--no-color",
                           f"--shellcheck={tool(BIN / 'shellcheck')}", str(workflow)],
                          capture_output=True, text=True, check=False)


def test_the_github_workflow_passes_jactionlint() -> None:
    result = jactionlint(CI / "github-publiceren.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_jactionlint_finds_an_unquoted_expansion_in_a_run_step(tmp_path: Path) -> None:
    broken = tmp_path / "publiceren.yml"
    text = (CI / "github-publiceren.yml").read_text("utf-8")
    assert 'site-intern "$INTERN_DOEL"' in text
    broken.write_text(text.replace('site-intern "$INTERN_DOEL"', "site-intern $INTERN_DOEL"),
                      "utf-8")
    result = jactionlint(broken)
    assert result.returncode != 0 and "SC2086" in result.stdout


# --- an ssh server on 127.0.0.1 ------------------------------------------------------------------

@dataclass
class Server:
    """A throw-away sshd: whoever holds ``key`` logs in as the current user."""

    port: int
    user: str
    key: Path
    known_hosts: str
    log: Path

    def target(self, path: Path) -> str:
        return f"{self.user}@127.0.0.1:{path}"

    def env(self, key: str) -> dict[str, str]:
        return {"INTERN_SSH_KEY": key, "INTERN_SSH_KNOWN_HOSTS": self.known_hosts,
                "INTERN_SSH_POORT": str(self.port)}


def _keygen(path: Path) -> None:
    subprocess.run([tool("ssh-keygen"), "-q", "-t", "ed25519", "-N", "", "-C", "test",
                    "-f", str(path)], check=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def sshd(base: Path, max_file_bytes: int | None = None) -> Iterator[Server]:
    """Start sshd on a free port of 127.0.0.1 (with RLIMIT_FSIZE for its sessions when
    ``max_file_bytes`` is given: a server whose disk fills up) and stop it afterwards."""
    assert SSHD.is_file(), f"{SSHD} ontbreekt (Debian: openssh-server). {INSTALL}"
    assert Path("/run/sshd").is_dir(), f"/run/sshd ontbreekt. {INSTALL}"
    base.mkdir(parents=True, exist_ok=True)
    _keygen(base / "host")
    _keygen(base / "client")
    shutil.copy(base / "client.pub", base / "authorized_keys")
    port = _free_port()
    (base / "sshd_config").write_text("\n".join([
        "ListenAddress 127.0.0.1", f"Port {port}", f"HostKey {base / 'host'}",
        f"AuthorizedKeysFile {base / 'authorized_keys'}", f"PidFile {base / 'sshd.pid'}",
        "PasswordAuthentication no", "KbdInteractiveAuthentication no", "UsePAM no",
        # The test's folders are below the world-writable /tmp, which StrictModes refuses.
        "StrictModes no", ""]), "utf-8")

    def limit() -> None:
        if max_file_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

    log = base / "sshd.log"
    with log.open("wb") as out:
        process = subprocess.Popen([str(SSHD), "-D", "-e", "-f", str(base / "sshd_config")],
                                   stdout=out, stderr=subprocess.STDOUT, preexec_fn=limit)
    try:
        deadline = time.monotonic() + 20
        while b"Server listening" not in log.read_bytes():
            assert process.poll() is None, log.read_text("utf-8", "replace")
            assert time.monotonic() < deadline, log.read_text("utf-8", "replace")
            time.sleep(0.05)
        host_key = " ".join((base / "host.pub").read_text("utf-8").split()[:2])
        yield Server(port, getpass.getuser(), base / "client", f"[127.0.0.1]:{port} {host_key}",
                     log)
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with sshd(tmp_path_factory.mktemp("sshd")) as running:
        yield running


def _site(folder: Path, text: str, big: int = 0) -> Path:
    (folder / "assets").mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(text, "utf-8")
    (folder / "assets" / "groot.css").write_text("body{}" * 1000, "utf-8")
    if big:
        (folder / "assets" / "foto.bin").write_bytes(os.urandom(big))
    return folder


# --- publiceer-rsync over ssh --------------------------------------------------------------------

@dataclass
class Traced:
    """One run of publiceer-rsync under strace, with a recording ssh wrapper on PATH."""

    result: subprocess.CompletedProcess[str]
    execs: list[tuple[list[str], list[str]]]  # (argv, environment) of every program started
    ssh_calls: list[dict[str, object]]  # what the wrapper saw: argv, the key file's modes


# Recording wrapper for ssh: writes its argv and the modes of the -i file and its folder,
# then becomes the real ssh.
WRAPPER = """import json, os, stat, sys
args = sys.argv[1:]
key = args[args.index("-i") + 1] if "-i" in args else None
modes = {}
if key:
    modes = {"file": oct(stat.S_IMODE(os.stat(key).st_mode)),
             "folder": oct(stat.S_IMODE(os.stat(os.path.dirname(key)).st_mode)),
             "owner": os.stat(key).st_uid == os.getuid()}
with open(os.environ["SSH_OPNAME"], "a") as log:
    log.write(json.dumps({"argv": args, "key": key, "modes": modes}) + "\\n")
os.execv(os.environ["ECHTE_SSH"], ["ssh", *args])
"""

_EXECVE = re.compile(r'^\d+\s+execve\("(?:[^"\\]|\\.)*", \[(.*?)\], \[(.*?)\]\)', re.M)
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _unescape(text: str) -> str:
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape")


def run_traced(tmp_path: Path, site: Path, target: str, env: dict[str, str]) -> Traced:
    wrappers = tmp_path / "wrappers"
    wrappers.mkdir(exist_ok=True)
    (wrappers / "ssh").write_text(f"#!{sys.executable}\n{WRAPPER}", "utf-8")
    (wrappers / "ssh").chmod(0o755)
    calls = tmp_path / "ssh-aanroepen.jsonl"
    calls.write_text("", "utf-8")
    trace = tmp_path / "strace.log"
    full_env = {**os.environ, **env, "PATH": f"{wrappers}{os.pathsep}{os.environ['PATH']}",
                "SSH_OPNAME": str(calls), "ECHTE_SSH": tool("ssh")}
    result = subprocess.run([tool("strace"), "-f", "-qq", "-v", "-s", "1000000",
                             "-e", "trace=execve", "-o", str(trace),
                             "sh", str(PUBLISH), str(site), target],
                            capture_output=True, text=True, env=full_env, check=False,
                            timeout=300)
    execs = [([_unescape(s) for s in _STRING.findall(argv)],
              [_unescape(s) for s in _STRING.findall(environ)])
             for argv, environ in _EXECVE.findall(trace.read_text("utf-8", "replace"))]
    assert execs, "strace recorded no program"
    ssh_calls = [json.loads(line) for line in calls.read_text("utf-8").splitlines()]
    return Traced(result, execs, ssh_calls)


def _key_lines(key: Path) -> list[str]:
    """The body lines of a private key (what must never leak)."""
    return [line for line in key.read_text("utf-8").splitlines() if "-----" not in line]


@pytest.mark.parametrize("form", ["tekst", "bestand"])
def test_the_key_never_reaches_an_argument_and_its_copy_is_private_and_removed(
        tmp_path: Path, server: Server, form: str) -> None:
    key_text = server.key.read_text("utf-8")
    # GitLab's File variables are files that others may read: publiceer-rsync copies them.
    given = tmp_path / "sleutel-van-gitlab"
    given.write_text(key_text, "utf-8")
    given.chmod(0o644)
    value = key_text if form == "tekst" else str(given)
    target = tmp_path / "server" / AWKWARD
    traced = run_traced(tmp_path, _site(tmp_path / "site", "versie een"),
                        server.target(target), server.env(value))
    assert traced.result.returncode == 0, traced.result.stderr + server.log.read_text("utf-8")
    assert (target / "huidig" / "index.html").read_text("utf-8") == "versie een"
    secret = _key_lines(server.key)
    assert secret
    started = traced.execs[1:]  # the first exec is the script itself, given the variable
    assert any(argv[0] == "ssh" for argv, _ in started) and any(
        argv[0] == "rsync" for argv, _ in started)
    for argv, environ in started:
        for line in secret:
            assert all(line not in arg for arg in argv), f"sleutel in argumenten: {argv[0]}"
            assert all(line not in var for var in environ), f"sleutel in omgeving: {argv[0]}"
    output = traced.result.stdout + traced.result.stderr
    assert all(line not in output for line in secret)
    # Every ssh (the remote commands and rsync's) read the key from one private file.
    assert len(traced.ssh_calls) >= 3
    for call in traced.ssh_calls:
        argv = call["argv"]
        assert isinstance(argv, list) and "IdentitiesOnly=yes" in argv
        assert call["modes"] == {"file": "0o600", "folder": "0o700", "owner": True}
        key_copy = Path(str(call["key"]))
        assert key_copy != given
        assert not key_copy.parent.exists(), "de tijdelijke map met de sleutel bleef staan"
    assert given.read_text("utf-8") == key_text  # the given file is left as it was


@pytest.mark.parametrize("listed", ["[127.0.0.1]:{port}", "intranet.voorbeeld.nl"],
                         ids=["andere-sleutel", "onbekende-server"])
def test_a_server_whose_host_key_is_not_the_given_one_is_refused(
        tmp_path: Path, server: Server, listed: str) -> None:
    # Another key for this address, or only another server's key: a CI machine is new on
    # every run, so trusting a first connection would trust whoever answers.
    stranger = tmp_path / "ander"
    _keygen(stranger)
    env = server.env(server.key.read_text("utf-8"))
    env["INTERN_SSH_KNOWN_HOSTS"] = listed.format(port=server.port) + " " + " ".join(
        (tmp_path / "ander.pub").read_text("utf-8").split()[:2])
    traced = run_traced(tmp_path, _site(tmp_path / "site", "x"),
                        server.target(tmp_path / "server"), env)
    assert traced.result.returncode != 0
    assert "Host key verification failed" in traced.result.stderr
    assert "FOUT: publiceren" in traced.result.stderr
    assert not (tmp_path / "server").exists()
    assert all(not Path(str(c["key"])).parent.exists() for c in traced.ssh_calls)


def test_a_key_variable_that_is_neither_file_nor_key_is_refused_without_printing_it(
        tmp_path: Path, server: Server) -> None:
    value = "AAAAC3NzaC1lZDI1NTE5AAAAIGeheim"  # a key's line without its frame
    result = subprocess.run(["sh", str(PUBLISH), str(_site(tmp_path / "site", "x")),
                             server.target(tmp_path / "server")],
                            capture_output=True, text=True, check=False,
                            env={**os.environ, **server.env(value)})
    assert result.returncode == 2 and "INTERN_SSH_KEY" in result.stderr
    assert value not in result.stdout + result.stderr
    assert not (tmp_path / "server").exists()


def _publish(site: Path, target: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", str(PUBLISH), str(site), target], capture_output=True,
                          text=True, check=False, env={**os.environ, **env}, timeout=300)


@pytest.mark.parametrize("rsync_env", [{}, {"RSYNC_OLD_ARGS": "1"}], ids=["rsync", "oud-rsync"])
def test_remote_versions_switch_and_link_with_an_awkward_path(
        tmp_path: Path, server: Server, rsync_env: dict[str, str]) -> None:
    # RSYNC_OLD_ARGS: rsync as before 3.2.4, which handed the remote path to the remote shell
    # unquoted; -s keeps it out of the shell.
    target = tmp_path / "server" / AWKWARD
    env = {**server.env(str(server.key)), **rsync_env}
    first = _publish(_site(tmp_path / "een", "eerste"), server.target(target), env)
    assert first.returncode == 0, first.stderr
    old = os.readlink(target / "huidig")
    second = _publish(_site(tmp_path / "twee", "tweede"), server.target(target), env)
    assert second.returncode == 0, second.stderr
    new = os.readlink(target / "huidig")
    assert new != old and (target / "huidig" / "index.html").read_text("utf-8") == "tweede"
    assert (target / old / "assets/groot.css").stat().st_ino == \
        (target / new / "assets/groot.css").stat().st_ino
    assert sorted(p.name for p in (target / "versies").iterdir()) == sorted(
        [old.split("/")[-1], new.split("/")[-1]])


def test_a_transfer_that_fails_on_the_server_changes_nothing(tmp_path: Path,
                                                             server: Server) -> None:
    target = tmp_path / "server" / AWKWARD
    first = _publish(_site(tmp_path / "een", "eerste"), server.target(target),
                     server.env(str(server.key)))
    assert first.returncode == 0, first.stderr
    before = os.readlink(target / "huidig")
    # The same folder through a server whose disk is full for files over 64 KB.
    with sshd(tmp_path / "vol", max_file_bytes=64 * 1024) as full:
        env = full.env(str(full.key))
        failed = _publish(_site(tmp_path / "twee", "tweede", big=1024 * 1024),
                          full.target(target), env)
    assert failed.returncode != 0
    assert "FOUT: publiceren" in failed.stderr
    assert os.readlink(target / "huidig") == before
    assert (target / "huidig" / "index.html").read_text("utf-8") == "eerste"
    assert [p.name for p in (target / "versies").iterdir()] == [before.split("/")[-1]]
    assert sorted(p.name for p in target.iterdir()) == ["huidig", "versies"]


# --- the GitLab pipeline, run by gitlab-ci-local ------------------------------------------------

@dataclass
class Pipeline:
    project: Path
    intranet: Path
    temporary: Path  # the jobs' TMPDIR
    run: Callable[..., subprocess.CompletedProcess[str]]


def _git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@voorbeeld.nl",
                    *args], cwd=project, check=True, capture_output=True)


# The pipeline's project lives here between test runs, like the build folder of a GitLab
# shell runner: its .venv (made by the jobs' own scripts/setup-venv) is kept, everything else
# is laid anew each time. The first run pays for the venv (one to three minutes).
WORK = ROOT / ".cache" / "ci-pijplijn"


def _project_copy(dest: Path) -> Path:
    """The repository (with uncommitted changes) as a region's repository: the code, the
    small test region as its data, the GitLab template as .gitlab-ci.yml, in a Git repository
    whose origin is a local bare repository. A .venv already in ``dest`` stays."""
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.iterdir():
        if old.name != ".venv":
            shutil.rmtree(old) if old.is_dir() and not old.is_symlink() else old.unlink()
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode()
    # The example region's data stays behind (its figures in cijfers/ name its own
    # municipalities, modules and work fields): the small test region has none of these.
    skip = ("routekaarten/", "campaign/", "trainingen/", "cijfers/", "docs/", "tests/",
            "benchmarks/")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if name.startswith(skip) or not source.is_file():
            continue
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, dest / name)
    for folder in ("routekaarten", "docs"):
        shutil.copytree(FIXTURES / "klein" / folder, dest / folder)
    shutil.copy(CI / "gitlab-ci.yml", dest / ".gitlab-ci.yml")
    # A region's pipeline starts with its cache restored: Decap CMS (checked against its
    # digests when used), so the jobs do not download it again.
    for bundle in sorted((ROOT / ".cache").glob("decap-cms-*")):
        shutil.copytree(bundle, dest / ".cache" / bundle.name)
    _git(dest, "init", "-q", "-b", "main")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "Regio")
    origin = dest.parent / "origin.git"
    shutil.rmtree(origin, ignore_errors=True)
    subprocess.run(["git", "init", "-q", "--bare", str(origin)], check=True)
    _git(dest, "remote", "add", "origin", str(origin))
    _git(dest, "push", "-q", "origin", "main")
    _git(dest, "remote", "set-head", "origin", "main")
    return dest


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory, server: Server) -> Pipeline:
    base = tmp_path_factory.mktemp("pijplijn")
    project = _project_copy(WORK / "regio")
    intranet = base / AWKWARD
    variables = base / "variabelen.yml"
    # As in Settings > CI/CD > Variables; the key as a variable of type File (a path).
    variables.write_text(yaml.safe_dump({
        "INTERN_DOEL": server.target(intranet), "INTERN_SSH_KEY": str(server.key),
        "INTERN_SSH_KNOWN_HOSTS": server.known_hosts, "INTERN_SSH_POORT": str(server.port),
    }), "utf-8")
    home = base / "home"
    home.mkdir()
    temporary = base / "tmp"
    temporary.mkdir()
    # The jobs inherit this environment: their own temporary folder (checked afterwards),
    # and pip without byte-compiling (only faster).
    env = {**os.environ, "TMPDIR": str(temporary), "PIP_NO_COMPILE": "1"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        # Shell executor for every job (the template names a Docker image); one job at a
        # time, as the jobs share this folder (on GitLab each has its own machine).
        return subprocess.run([tool(GITLAB_CI_LOCAL), "--force-shell-executor",
                               "--concurrency", "1", "--no-color", "--home", str(home),
                               # Relative: gitlab-ci-local joins this path to its cwd.
                               "--variables-file", os.path.relpath(variables, project),
                               "--ignore-predefined-vars", "CI_PIPELINE_SOURCE,CI_COMMIT_BRANCH",
                               *args],
                              cwd=project, env=env, capture_output=True, text=True,
                              check=False, timeout=1500)

    return Pipeline(project, intranet, temporary, run)


def _internal_values(project: Path) -> list[str]:
    regio = yaml.safe_load((project / "routekaarten" / "regio.yml").read_text("utf-8"))
    values = []
    for contact in regio["contacten"].values():
        if contact.get("zichtbaarheid") == "intern":
            values.append(contact["email"])
        values += [v for v in (contact.get("intern") or {}).values() if isinstance(v, str)]
    assert values
    return values


def _texts(folder: Path) -> str:
    return "\n".join(p.read_text("utf-8", "replace") for p in sorted(folder.rglob("*.html")))


def test_the_gitlab_pipeline_on_main_checks_builds_and_publishes(pipeline: Pipeline) -> None:
    # A nightly run on main: every job of the template runs.
    result = pipeline.run("--variable", "CI_PIPELINE_SOURCE=schedule")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-6000:]
    for job in ("controle", "pages", "intern"):
        assert re.search(rf"PASS\s+{job}\b", log), f"{job} niet geslaagd:\n{log[-4000:]}"
    # The nightly check of stale contacts ran; it may warn (allow_failure), never fail.
    assert re.search(r"(PASS|WARN)\s+verouderd\b", log), log[-4000:]
    public = pipeline.project / "public"
    assert (public / "index.html").is_file()
    assert "Testregio" in (public / "index.html").read_text("utf-8")
    current = pipeline.intranet / "huidig"
    assert current.is_symlink() and (current / "index.html").is_file()
    internal, published = _texts(current), _texts(public)
    for value in _internal_values(pipeline.project):
        assert value not in published
    assert any(value in internal for value in _internal_values(pipeline.project))
    # The job wrote its copy of the key in its temporary folder and removed it.
    assert not list(pipeline.temporary.iterdir())


def test_a_merge_request_with_an_error_is_stopped_and_publishes_nothing(
        pipeline: Pipeline) -> None:
    project = pipeline.project
    before = os.readlink(pipeline.intranet / "huidig") if (
        pipeline.intranet / "huidig").is_symlink() else None
    _git(project, "checkout", "-q", "-b", "voorstel")
    gemeente = project / "routekaarten" / "gemeenten" / "oosterdorp.yml"
    text = gemeente.read_text("utf-8")
    broken = re.sub(r'(?m)^(\s*telefoon:\s*).*$', r'\g<1>"035-12"', text, count=1)
    assert broken != text
    gemeente.write_text(broken, "utf-8")
    _git(project, "commit", "-q", "-am", "Fout nummer")
    try:
        result = pipeline.run("--variable", "CI_PIPELINE_SOURCE=merge_request_event",
                              "--unset-variable", "CI_COMMIT_BRANCH")
    finally:
        _git(project, "checkout", "-q", "main")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"FAIL\s+controle\b", log), log[-4000:]
    assert "routekaarten/gemeenten/oosterdorp.yml:" in log and "035-12" in log
    assert "De site is NIET bijgewerkt" in log
    assert not re.search(r"(PASS|FAIL)\s+(pages|intern)\b", log)
    if before is not None:
        assert os.readlink(pipeline.intranet / "huidig") == before
