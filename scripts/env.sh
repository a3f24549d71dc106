# Sourced by the other scripts: a common PATH and helpers.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
say() { printf '\033[1m%s\033[0m %s\n' "${0##*/}:" "$*"; }
