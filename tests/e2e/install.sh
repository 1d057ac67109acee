#!/usr/bin/env bash
# `cmake --install` and `cpack -G DEB` of the build that made the binary, and the installed man
# page and completions at work: bash always, zsh and fish where those shells are installed.
source "$(dirname "$0")/lib.sh" "$@"
BUILD_DIR=$(dirname "$KUBESHIFT")
if [[ ! -f $BUILD_DIR/CMakeCache.txt ]]; then
  echo "FAIL: $KUBESHIFT is not in a CMake build directory"
  exit 1
fi

# ---- cmake --install -----------------------------------------------------------------------
prefix="$WORK/prefix"
run cmake --install "$BUILD_DIR" --prefix "$prefix"
assert_exit 0 "cmake --install"
bash_completion="$prefix/share/bash-completion/completions/kubeshift"
zsh_dir=$(sed -n 's/^KUBESHIFT_ZSH_COMPLETION_DIR:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt")
zsh_completion="$prefix/${zsh_dir:-share/zsh/site-functions}/_kubeshift"
fish_completion="$prefix/share/fish/vendor_completions.d/kubeshift.fish"
man_page="$prefix/share/man/man1/kubeshift.1"
for file in "$prefix/bin/kubeshift" "$man_page" "$bash_completion" "$zsh_completion" "$fish_completion"; do
  run test -s "$file"
  assert_exit 0 "installed: ${file#"$prefix"/}"
done
run "$prefix/bin/kubeshift" --version
assert_exit 0 "the installed binary runs"
assert_contains "$OUT" "kubeshift " "--version"

# The installed files are what the binary prints now: generated, not written by hand.
ks manpage
assert_eq "$OUT" "$(cat "$man_page")" "the man page is the one kubeshift generates"
for shell in bash zsh fish; do
  file_var="${shell}_completion"
  ks completion "$shell"
  assert_exit 0 "kubeshift completion $shell"
  assert_eq "$OUT" "$(cat "${!file_var}")" "the $shell completion is the one kubeshift generates"
done
ks completion powershell
assert_exit 2 "an unknown shell is a usage error"

# ---- the man page --------------------------------------------------------------------------
if command -v man >/dev/null; then
  run env MANWIDTH=100 man -l "$man_page"
  assert_exit 0 "man renders the page"
  assert_contains "$OUT" "kubeshift - find and fix deprecated Kubernetes APIs" "NAME"
  assert_contains "$OUT" "-o, --output {text|json|sarif|github|junit|markdown}" "check's -o with its values"
  assert_contains "$OUT" "EXIT STATUS" "the exit codes"
else
  skip "man is not installed: the page was not rendered"
fi

# ---- bash ----------------------------------------------------------------------------------
# Completes the words given (the last one is being typed) the way bash's programmable completion
# calls the function, and prints the candidates.
cat >complete.bash <<EOF
source "$bash_completion"
COMP_WORDS=("\$@")
COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1))
COMPREPLY=()
_kubeshift
echo "\${COMPREPLY[*]}"
EOF
bash_complete() { run bash complete.bash "$@"; }
run bash -n "$bash_completion"
assert_exit 0 "bash -n"
bash_complete kubeshift ""
assert_contains "$OUT" "check versions" "the commands"
assert_not_contains "$OUT" "manpage" "not the hidden one"
bash_complete kubeshift check --f
assert_eq "--fail-on" "$OUT" "check's options"
bash_complete kubeshift check -o ""
assert_eq "text json sarif github junit markdown" "$OUT" "check's formats"
bash_complete kubeshift versions --output ""
assert_eq "text json markdown" "$OUT" "versions has fewer formats"
bash_complete kubeshift check --output = j
assert_eq "json junit" "$OUT" "--output=j"
bash_complete kubeshift check deploy/
assert_eq "" "$OUT" "paths: nothing, so that bash completes file names (complete -o default)"
bash_complete kubeshift completion ""
assert_eq "bash zsh fish" "$OUT" "the shells"
run bash -c "source '$bash_completion' && complete -p kubeshift"
assert_eq "complete -o default -F _kubeshift kubeshift" "$OUT" "the completion is registered"

# ---- zsh -----------------------------------------------------------------------------------
if command -v zsh >/dev/null; then
  run zsh -n "$zsh_completion"
  assert_exit 0 "zsh -n"
  # An interactive zsh in a pseudo-terminal, with the installed directory in $fpath, completes
  # "kubeshift check --fail-on <TAB>" and lists the values.
  cat >complete.zsh <<EOF
zmodload zsh/zpty
zpty z 'zsh -f -i'
zpty -w z 'PS1="> "; fpath=(${zsh_completion%/*} \$fpath); autoload -U compinit; compinit -u -d $WORK/.zcompdump'
zpty -w -n z \$'kubeshift check --fail-on \t'
out=""
for i in {1..100}; do
  while zpty -r -t z chunk; do out+=\$chunk; done
  [[ \$out == *warning* ]] && break
  sleep 0.1
done
zpty -d z
print -r -- "\$out"
EOF
  run zsh -f complete.zsh
  assert_contains "$OUT" "error    never    warning" "zsh lists --fail-on's values"
else
  skip "zsh is not installed: its completion was not run"
fi

# ---- fish ----------------------------------------------------------------------------------
if command -v fish >/dev/null; then
  run fish --no-execute "$fish_completion"
  assert_exit 0 "fish --no-execute"
  run fish --no-config -c "source '$fish_completion'; complete -C 'kubeshift check -o j'"
  assert_eq "json	output format
junit	output format" "$OUT" "fish completes check's formats"
  run fish --no-config -c "source '$fish_completion'; complete -C 'kubeshift '"
  assert_contains "$OUT" "versions	print the deprecation table" "fish completes the commands"
else
  skip "fish is not installed: its completion was not run"
fi

# ---- cpack -G DEB --------------------------------------------------------------------------
if command -v dpkg-deb >/dev/null && [[ -f $BUILD_DIR/CPackConfig.cmake ]]; then
  run cpack --config "$BUILD_DIR/CPackConfig.cmake" -G DEB -B "$WORK/package"
  assert_exit 0 "cpack -G DEB"
  deb=$(ls "$WORK"/package/kubeshift_*.deb 2>/dev/null)
  run dpkg-deb -c "$deb"
  for file in ./usr/bin/kubeshift ./usr/share/man/man1/kubeshift.1 ./usr/share/bash-completion/completions/kubeshift \
              ./usr/share/fish/vendor_completions.d/kubeshift.fish; do
    assert_contains "$OUT" "$file" "the .deb holds $file"
  done
  run dpkg-deb -f "$deb" Package Depends Maintainer Description
  assert_contains "$OUT" "Package: kubeshift" "the package name"
  for lib in libyaml-cpp libgit2 libfmt; do
    assert_contains "$OUT" "$lib" "the .deb depends on $lib"
  done
  assert_contains "$OUT" "Maintainer: " "a maintainer"
else
  skip "dpkg-deb is not installed: no .deb was made"
fi

finish
