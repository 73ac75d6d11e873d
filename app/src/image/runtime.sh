#!/usr/bin/env bash
# The container image's base, assembled here because no registry but Maven Central is reachable from the
# build: a jlink'd Java runtime from the JDK that runs the build, the few shared libraries it links against
# (copied from this machine), a non-root user and writable data and temp directories. Built once per JDK
# into a cache outside target/ (jlink takes a minute on a busy machine), then reused by every build.
#
#   runtime.sh JAVA_HOME CACHE_DIR
set -euo pipefail

java_home="$1"
cache="$2"
[ -f "$cache/.complete" ] && exit 0

modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,\
java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,\
java.transaction.xa,java.xml,java.xml.crypto,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.httpserver,jdk.jfr,\
jdk.management,jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.unsupported,\
jdk.zipfs,jdk.localedata

mkdir -p "$(dirname "$cache")"
work="$(mktemp -d "${cache%/}.tmp.XXXXXX")"
trap 'rm -rf "$work"' EXIT
root="$work/root"
mkdir -p "$root/opt" "$root/etc" "$root/tmp" "$root/var/lib/newswire" "$root/home/newswire"
"$java_home/bin/jlink" --add-modules "$modules" --include-locales en --strip-debug --no-header-files \
  --no-man-pages --compress=2 --output "$root/opt/java"

# The shared libraries of the runtime, except the desktop ones a headless server never loads.
libs=$( { ldd "$root/opt/java/bin/java"; for so in "$root"/opt/java/lib/server/*.so "$root"/opt/java/lib/*.so; do
  case "$(basename "$so")" in libawt_xawt.so|libsplashscreen.so|libjsound.so|libjawt.so|libfontmanager.so|liblcms.so) ;;
  *) ldd "$so" ;; esac; done; } | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/lib/ {print $1}' | sort -u)
# Plus the rest of glibc and the C++ runtime: the native code inside the jars (SQLite, RocksDB, zstd, lz4,
# snappy) links against libpthread, libdl and libstdc++, which the JDK itself does not load.
for name in libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libresolv.so.2 libutil.so.1 \
    libnss_files.so.2 libnss_dns.so.2 libstdc++.so.6 libgcc_s.so.1 libz.so.1; do
  found="$(ldconfig -p | awk -v n="$name" '$1 == n && /x86-64|x86_64|AArch64|aarch64/ {print $NF; exit}')"
  [ -n "$found" ] && libs="$libs $found"
done
for lib in $libs; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
# The path the binaries ask for (usually /lib64/ld-linux-x86-64.so.2) must exist too.
interp="$(readelf -l "$root/opt/java/bin/java" | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p')"
mkdir -p "$root$(dirname "$interp")"
cp -L "$interp" "$root$interp"

cat > "$root/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
newswire:x:10001:10001:newswire:/home/newswire:/sbin/nologin
PASSWD
cat > "$root/etc/group" <<GROUP
root:x:0:
newswire:x:10001:
GROUP
echo "hosts: files dns" > "$root/etc/nsswitch.conf"
"$root/opt/java/bin/java" -version >/dev/null 2>&1 || { echo "runtime.sh: the assembled runtime does not start" >&2; exit 1; }
touch "$root/.complete"
mkdir -p "$(dirname "$cache")"
rm -rf "$cache"
mv "$root" "$cache"
