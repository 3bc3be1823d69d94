#!/usr/bin/env bash
# The Windows smoke test: lunxun.exe run under Wine as an organiser would use it, in a
# fresh Wine prefix in a scratch folder. Each step is a small function that runs
# lunxun.exe and checks its exit code and output; the first that fails stops the test
# with a line naming it. Later issues add their commands as more steps (see STEPS).
#
#   bash .ci/windows/smoke.sh [path/to/lunxun.exe]
#
# Needs wine (64-bit), x86_64-w64-mingw32-gcc (for the shim), tmux and iconv
# (.ci/windows/install.sh puts them there).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
EXE=${1:-${CARGO_TARGET_DIR:-$ROOT/target}/x86_64-pc-windows-gnu/release/lunxun.exe}
[ -f "$EXE" ] || { echo "wine smoke: no $EXE (build it first)" >&2; exit 1; }

# The tests' fixed clock: day 2 of the demo's cohort 2015-02, 08:35, its morning session.
export LUNXUN_NOW=2015-03-16T08:35:00+08:00
COHORT=2015-02
# Wine turns Chinese file names and arguments into Windows text by the Unix locale's
# character set, so the locale must be a UTF-8 one (C.UTF-8 is on every Debian).
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset LC_MESSAGES LUNXUN_DB LUNXUN_FAULT
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" # no Mono/Gecko prompts

SCRATCH=$(mktemp -d /tmp/lunxun-wine.XXXXXX)
export WINEPREFIX=$SCRATCH/prefix
# Wine links the profile's Documents, Desktop, ... to the Unix home folder: a home in
# the scratch folder keeps every file the test writes there.
export HOME=$SCRATCH/home
mkdir -p "$HOME"
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_DESKTOP_DIR XDG_DOCUMENTS_DIR
C=$WINEPREFIX/drive_c
TMUX_SOCKET=lunxun-smoke-$$
STEP=setup
OUT=
RC=0

cleanup() {
  tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null || true
  wineserver -k 2>/dev/null || true
  # wineserver's socket folder for this prefix: /tmp/wine-*/server-DEV-INODE.
  if [ -d "$WINEPREFIX" ]; then
    local name dir
    name=$(printf 'server-%x-%x' "$(stat -c %d "$WINEPREFIX")" "$(stat -c %i "$WINEPREFIX")")
    for dir in /tmp/wine-*/"$name"; do
      [ -d "$dir" ] && rm -rf "$(dirname "$dir")"
    done
  fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

# ---- helpers ---------------------------------------------------------------------

fail() {
  echo "wine smoke: FAILED at $STEP: $*" >&2
  if [ -n "$OUT" ]; then
    echo "--- its output (exit code $RC):" >&2
    printf '%s\n' "$OUT" | tail -n 20 >&2
  fi
  exit 1
}

# The Windows path of a path under drive C: `win users/x/a.csv` is C:\users\x\a.csv.
win() {
  local rel=${1//\//\\}
  printf 'C:\\%s' "$rel"
}

# Runs lunxun.exe with the arguments; its output (stdout then stderr) in OUT, its exit
# code in RC. Run from the scratch folder so no relative path reaches the checkout.
lx() {
  set +e
  OUT=$(cd "$SCRATCH" && wine "$(win lunxun/lunxun.exe)" "$@" 2>&1)
  RC=$?
  set -e
}

# Runs lunxun.exe and fails the step unless it exits 0.
lx_ok() {
  lx "$@"
  [ "$RC" -eq 0 ] || fail "lunxun $* exited $RC"
}

# Fails the step unless the last output holds the text.
expect() {
  grep -qF -- "$1" <<<"$OUT" || fail "expected \"$1\" in the output of lunxun"
}

# Fails the step unless the file exists and holds the text.
expect_in_file() {
  [ -s "$1" ] || fail "expected the file $1"
  grep -qF -- "$2" "$1" || fail "expected \"$2\" in $1"
}

# The person_id of the first hit of `search --json` on the main folder.
person_id() {
  lx_ok --db "$DB" search --json --cohort "$COHORT" "$@"
  local id
  id=$(grep -o '"person_id": "[^"]*"' <<<"$OUT" | head -n 1 | cut -d'"' -f4)
  [ -n "$id" ] || fail "search $* found nobody"
  printf '%s' "$id"
}

# ---- the prefix and the program ----------------------------------------------------

step_prefix() {
  wineboot -i >/dev/null 2>&1 || fail "wineboot -i could not make a Wine prefix"
  # A server that stays up between the steps: each start of lunxun.exe then takes
  # under a second, not four (once wineboot's own server has gone). Cleanup stops it.
  wineserver -w
  wineserver -p || fail "wineserver -p did not start"
  local appdata
  appdata=$(wine cmd /c echo %APPDATA% 2>/dev/null | tr -d '\r')
  case "$appdata" in C:\\users\\*\\AppData\\Roaming) ;; *) fail "odd %APPDATA%: $appdata" ;; esac
  # The profile folder under drive C (users/NAME), and %APPDATA% as a Unix path.
  PROFILE=${appdata#C:\\}
  PROFILE=${PROFILE%\\AppData\\Roaming}
  PROFILE=${PROFILE//\\//}
  APPDATA_UNIX=$C/$PROFILE/AppData/Roaming
  [ -d "$APPDATA_UNIX" ] || fail "%APPDATA% ($appdata) is not $APPDATA_UNIX"
  echo "  %APPDATA% is $appdata"
}

# The shim beside the exe, in the scratch folder only: see shim/bcryptprimitives.c.
step_install_exe() {
  mkdir -p "$C/lunxun"
  cp "$EXE" "$C/lunxun/lunxun.exe"
  x86_64-w64-mingw32-gcc -shared -O2 -s -o "$C/lunxun/bcryptprimitives.dll" \
    .ci/windows/shim/bcryptprimitives.c .ci/windows/shim/bcryptprimitives.def -ladvapi32 \
    || fail "the ProcessPrng shim did not compile"
  lx --version
  # 53: Wine's loader found no DLL the exe imports (status c0000135).
  [ "$RC" -ne 53 ] || fail "lunxun.exe did not start: a DLL it imports is missing (the shim?)"
  [ "$RC" -eq 0 ] || fail "lunxun --version exited $RC"
  expect "lunxun "
}

# ---- commands -----------------------------------------------------------------------

step_demo() {
  DB_REL="$PROFILE/Documents/轮训数据"
  DB=$(win "$DB_REL")
  lx_ok --db "$DB" --lang zh demo
  expect "已载入演示数据：花名册 2000 人"
  [ -d "$C/$DB_REL/sled" ] || fail "no sled folder in $C/$DB_REL"
}

step_search_chinese() {
  lx_ok --db "$DB" --lang zh search 张伟
  expect "南湖街道梅溪村"
}

# A roster saved by Excel on Chinese Windows: GBK, in a folder with a Chinese name.
step_import_gbk_csv() {
  local dir="$C/$PROFILE/学员名单"
  mkdir -p "$dir"
  printf '%s\n' '姓名,性别,单位,县市区,乡镇,职务,联系电话' \
    '欧阳春花,女,月田镇白石村,岳阳县,月田镇,村党组织书记,13800000001' \
    '司马晓东,男,新墙镇清水村,岳阳县,新墙镇,村党组织书记,13800000002' \
    | iconv -f UTF-8 -t GBK >"$dir/一期学员.csv"
  lx_ok --db "$DB" --lang zh import "$(win "$PROFILE/学员名单/一期学员.csv")" --cohort "$COHORT"
  expect "GBK"
  expect "新增人员：2"
  expect "✓ 已导入并保存。"
}

# An .xlsx made by lunxun.exe itself (the roster of a second folder), imported.
step_import_xlsx() {
  local other file
  other=$(win "$PROFILE/Documents/二期")
  file=$(win "$PROFILE/学员名单/二期学员.xlsx")
  lx_ok --db "$other" cohort new --name 二期 --start 2015-03-16 --days 2
  lx_ok --db "$other" person add --name 诸葛明亮 --unit 梅溪村 --phone 13800000011 --cohort 2015-01
  lx_ok --db "$other" person add --name 上官云 --unit 金盆村 --phone 13800000012 --cohort 2015-01
  lx_ok --db "$other" export roster --cohort 2015-01 --include-sensitive -o "$file"
  lx_ok --db "$DB" --lang zh import "$file" --cohort "$COHORT"
  expect "xlsx"
  expect "新增人员：2"
  lx_ok --db "$DB" --lang zh search --cohort "$COHORT" 诸葛明亮
  expect "梅溪村"
}

step_checkin() {
  local id
  id=$(person_id 欧阳春花)
  lx_ok --db "$DB" --lang zh checkin --cohort "$COHORT" --person "$id" --session 2:am
  expect "✓ 欧阳春花 · 月田镇白石村 · 2:am 08:35 签到"
}

step_undo() {
  local id
  id=$(person_id 欧阳春花)
  lx_ok --db "$DB" --lang zh undo --cohort "$COHORT" --person "$id" --session 2:am
  expect "已撤销 欧阳春花 在 2:am 的记录"
}

step_leave() {
  local id
  id=$(person_id 司马晓东)
  lx_ok --db "$DB" --lang zh checkin --cohort "$COHORT" --person "$id" --session 2:pm \
    --status leave --reason 病假
  expect "请假"
}

step_export_attendance() {
  local out="$C/导出"
  mkdir -p "$out"
  lx_ok --db "$DB" --lang zh export attendance --cohort "$COHORT" -o "$(win 导出/出勤.csv)"
  lx_ok --db "$DB" --lang zh export attendance --cohort "$COHORT" -o "$(win 导出/出勤.json)"
  lx_ok --db "$DB" --lang zh export attendance --cohort "$COHORT" -o "$(win 导出/出勤.xlsx)"
  # The undo left 欧阳春花's morning empty; 司马晓东's afternoon is leave.
  expect_in_file "$out/出勤.csv" "欧阳春花,月田镇白石村,岳阳县,138****0001,,,,,,"
  expect_in_file "$out/出勤.csv" "请假：病假"
  expect_in_file "$out/出勤.json" '"reason": "病假"'
  head -c 2 "$out/出勤.xlsx" | grep -q PK || fail "出勤.xlsx is not a zip"
  grep -aq 'xl/worksheets/sheet1.xml' "$out/出勤.xlsx" || fail "出勤.xlsx has no sheet"
}

step_reports() {
  lx_ok --db "$DB" --lang zh report cohort --cohort "$COHORT" -o "$(win 导出/总结.md)"
  expect_in_file "$C/导出/总结.md" "工作总结"
  lx_ok --db "$DB" --lang zh report year --year 2015 --format xlsx -o "$(win 导出/年度.xlsx)"
  head -c 2 "$C/导出/年度.xlsx" | grep -q PK || fail "年度.xlsx is not a zip"
}

step_backup_restore() {
  lx_ok --db "$DB" --lang zh backup -o "$(win 导出/备份.json)"
  expect "已备份到"
  local restored
  restored=$(win "$PROFILE/Documents/恢复")
  lx_ok --db "$restored" --lang zh restore "$(win 导出/备份.json)"
  expect "已恢复并核对"
  lx_ok --db "$restored" --lang zh search --cohort "$COHORT" 司马晓东
  expect "新墙镇清水村"
}

# ---- the desk -----------------------------------------------------------------------

tmux_() { tmux -L "$TMUX_SOCKET" "$@"; }

# Polls the desk's screen until it shows the text (or fails after 60 s).
wait_screen() {
  local i
  for i in $(seq 1 120); do
    if tmux_ capture-pane -p -t desk 2>/dev/null | grep -qF -- "$1"; then return 0; fi
    sleep 0.5
  done
  OUT=$(tmux_ capture-pane -p -t desk 2>/dev/null || echo "(the desk has gone)")
  fail "the desk never showed \"$1\""
}

# The desk in tmux, holding the main folder. Wine 8's console draws ratatui's screen
# garbled in places (its text cells are not a real terminal's), so the waits look for
# words that arrive whole; the check-in itself is proved by the export afterwards.
desk_start() {
  rm -f "$SCRATCH/desk.rc"
  local cmd
  cmd="wine '$(win lunxun/lunxun.exe)' --db '$DB' --lang zh; echo \$? > '$SCRATCH/desk.rc'"
  tmux_ new-session -d -s desk -x 120 -y 40 "cd '$SCRATCH' && $cmd"
  wait_screen "输入几个字母开始查找"
}

# Waits for the desk to end; fails unless it exits with the code given (if one is).
desk_exit() {
  local i
  for i in $(seq 1 60); do [ -f "$SCRATCH/desk.rc" ] && break; sleep 0.5; done
  [ -f "$SCRATCH/desk.rc" ] || fail "the desk did not end"
  [ -z "${1:-}" ] || [ "$(cat "$SCRATCH/desk.rc")" = "$1" ] \
    || fail "the desk exited $(cat "$SCRATCH/desk.rc"), not $1"
}

step_desk_opens() {
  desk_start
}

# The desk holds the folder: a second lunxun is refused and says why.
step_second_instance_refused() {
  lx --db "$DB" cohort list
  [ "$RC" -eq 1 ] || fail "a second lunxun exited $RC, not 1, while the desk ran"
  expect "already open in another lunxun"
}

# Initials, Enter (the desk takes keys in order, so the check-in is made before the
# Ctrl-Q is read), Ctrl-Q: the desk ends with 0.
step_desk_checks_in_by_initials() {
  tmux_ send-keys -t desk zw
  wait_screen "南湖街道梅溪村"
  tmux_ send-keys -t desk Enter
  tmux_ send-keys -t desk C-q
  desk_exit 0
}

# Written over the export made before the desk ran (a rename over an existing file).
step_desk_checkin_exported() {
  lx_ok --db "$DB" --lang zh export attendance --cohort "$COHORT" -o "$(win 导出/出勤.csv)"
  expect_in_file "$C/导出/出勤.csv" "张伟,南湖街道梅溪村,南湖风景区,199****9490,430602********4871,出席 08:20,出席 14:18,出席 08:35,"
}

# The desk ended as Task Manager ends it (no clean close, so no seal): the folder
# opens again (through the checked copy), with the check-in made before the kill.
step_desk_killed_folder_reopens() {
  desk_start
  wine taskkill /f /im lunxun.exe >/dev/null 2>&1 || fail "taskkill could not end the desk"
  desk_exit # Wine reports 0 for a terminated process
  [ ! -f "$C/$DB_REL/lunxun.closed" ] || fail "the killed desk left a seal: not a kill"
  lx_ok --db "$DB" --lang zh export attendance --cohort "$COHORT" --format csv
  expect ",出席 08:35,"
}

# ---- refusals and the default folder --------------------------------------------------

# sled's log overwritten in places (in a copy): refused, with the way to recover.
step_damaged_database_refused() {
  local copy="$C/损坏" pos
  cp -r "$C/$DB_REL" "$copy"
  local size
  size=$(stat -c %s "$copy/sled/db")
  for ((pos = 1000; pos < size; pos += 4099)); do
    printf 'XX' | dd of="$copy/sled/db" bs=1 seek="$pos" conv=notrunc status=none
  done
  lx --db "$(win 损坏)" cohort list
  [ "$RC" -eq 1 ] || fail "a damaged database gave exit code $RC, not 1"
  expect "is damaged"
  expect "lunxun restore"
}

# No --db and no LUNXUN_DB: the data lives under %APPDATA%.
step_default_folder_in_appdata() {
  lx_ok cohort new --name 默认文件夹 --start 2015-03-16 --days 1
  [ -f "$APPDATA_UNIX/lunxun/data/lunxun.lock" ] \
    || fail "no data folder at %APPDATA%\\lunxun\\data ($APPDATA_UNIX/lunxun/data)"
  lx_ok cohort list
  expect "默认文件夹"
}

# Windows sets no LANG: lunxun speaks the language of Windows' settings (Wine's
# follows the Unix locale it starts in; cmd removes the variables Wine passes on).
lx_windows_language() {
  local code=$1 locale=$2
  set +e
  OUT=$(cd "$SCRATCH" && LANG=$locale LC_ALL=$locale wine cmd /c \
    "set LANG=&& set LC_ALL=&& set LC_MESSAGES=&& $(win lunxun/lunxun.exe) --db $(win "lang-$code") cohort new --name $code --start 2015-03-16 --days 1" 2>&1)
  RC=$?
  set -e
  [ "$RC" -eq 0 ] || fail "cohort new under a $code Windows exited $RC"
}

step_language_from_windows() {
  lx_windows_language zh zh_CN.UTF-8
  expect "已创建班次"
  lx_windows_language en en_US.UTF-8
  expect "created cohort"
}

# ---- training credit (学时, sign-out, the register kept current, certificates) -------

# The id a command printed alone on its last line (person add, and the changes).
last_id() {
  local id
  id=$(tr -d '\r' <<<"$OUT" | grep -oE '^[0-9A-Z]{26}$' | tail -n 1)
  [ -n "$id" ] || fail "no id on the last line"
  printf '%s' "$id"
}

# A one-day cohort of its own (08:30-11:30, 14:30-17:30, 3 学时 each): four people and a
# fifth in the register only, to come in as a substitute.
step_credit_cohort() {
  CDB=$(win "$PROFILE/Documents/学时班")
  LUNXUN_NOW=2015-04-01T09:00:00+08:00 lx_ok --db "$CDB" --lang zh cohort new --name 学时班 \
    --start 2015-04-20 --days 1 --slots am=08:30-11:30,pm=14:30-17:30 --hours-per-session 3
  expect "已创建班次 2015-01"
  CP=()
  local name
  for name in 刘一 陈二 张三 李四; do
    lx_ok --db "$CDB" --lang zh person add --name "$name" --unit 梅溪村 --county 岳阳县 --cohort 2015-01
    CP+=("$(last_id)")
  done
  lx_ok --db "$CDB" --lang zh person add --name 周八 --unit 新开村 --county 岳阳县
  CP+=("$(last_id)")
  lx_ok --db "$CDB" --lang zh cohort show 2015-01
  expect "1/7"
}

# Check-ins at 08:35, 陈二 signs out at 10:30: early leave, refused without a reason.
step_credit_signout() {
  local i
  for i in 0 1 2; do
    LUNXUN_NOW=2015-04-20T08:35:00+08:00 lx_ok --db "$CDB" --lang zh checkin --cohort 2015-01 --person "${CP[$i]}"
  done
  LUNXUN_NOW=2015-04-20T10:30:00+08:00 lx --db "$CDB" --lang zh signout --cohort 2015-01 --person "${CP[1]}"
  [ "$RC" -eq 2 ] || fail "an early sign-out without a reason exited $RC, not 2"
  expect "--reason"
  LUNXUN_NOW=2015-04-20T10:30:00+08:00 lx_ok --db "$CDB" --lang zh signout --cohort 2015-01 \
    --person "${CP[1]}" --reason 看病
  expect "早退 60 分钟"
}

# 张三 withdraws (and can no longer check in), 周八 replaces 李四, a make-up, an undo.
step_credit_roster_changes() {
  LUNXUN_NOW=2015-04-20T12:00:00+08:00 lx_ok --db "$CDB" --lang zh unenrol --cohort 2015-01 \
    --person "${CP[2]}" --reason 身体原因
  expect "退训"
  LUNXUN_NOW=2015-04-20T14:35:00+08:00 lx --db "$CDB" --lang zh checkin --cohort 2015-01 --person "${CP[2]}"
  [ "$RC" -eq 2 ] || fail "a withdrawn person's check-in exited $RC, not 2"
  expect "不能签到"
  LUNXUN_NOW=2015-04-20T12:00:00+08:00 lx_ok --db "$CDB" --lang zh substitute --cohort 2015-01 \
    --out "${CP[3]}" --in "${CP[4]}" --reason 工作调动
  expect "调换"
  local i
  for i in 0 1 4; do
    LUNXUN_NOW=2015-04-20T14:35:00+08:00 lx_ok --db "$CDB" --lang zh checkin --cohort 2015-01 --person "${CP[$i]}"
  done
  LUNXUN_NOW=2015-04-20T18:00:00+08:00 lx_ok --db "$CDB" --lang zh makeup --cohort 2015-01 \
    --person "${CP[4]}" --session 1:am --reason 观看录像
  local change
  change=$(last_id)
  LUNXUN_NOW=2015-04-20T18:00:00+08:00 lx_ok --db "$CDB" --lang zh change undo "$change"
  LUNXUN_NOW=2015-04-20T18:00:00+08:00 lx_ok --db "$CDB" --lang zh makeup --cohort 2015-01 \
    --person "${CP[4]}" --session 1:am --reason 观看录像
}

# The register kept current: an edit with its history, a retirement, hours from elsewhere.
step_credit_register() {
  LUNXUN_NOW=2015-04-21T09:00:00+08:00 lx_ok --db "$CDB" --lang zh person edit "${CP[0]}" --unit 新开村委会
  expect "新开村委会"
  lx_ok --db "$CDB" --lang zh person history "${CP[0]}"
  expect "梅溪村"
  LUNXUN_NOW=2015-04-21T09:00:00+08:00 lx_ok --db "$CDB" --lang zh person retire "${CP[3]}" \
    --reason 换届 --from 2015-04-21
  LUNXUN_NOW=2015-04-21T09:00:00+08:00 lx_ok --db "$CDB" --lang zh person hours add "${CP[0]}" \
    --hours 8 --source 省委党校专题班 --date 2015-04-02 --level province
  lx_ok --db "$CDB" --lang zh person list --county 岳阳县 --json
  expect "新开村委会"
}

# Closed: 刘一 and 周八 (with the make-up) complete with 6 学时; 陈二 left an hour early, so
# the morning's 135 minutes less 60 is one whole 学时: 4 of 6, below 80%. The record, the
# reports and the certificates (two, and two statements) say so.
step_credit_reports() {
  LUNXUN_NOW=2015-04-20T18:30:00+08:00 lx_ok --db "$CDB" --lang zh cohort close --cohort 2015-01
  LUNXUN_NOW=2015-04-21T09:00:00+08:00 lx_ok --db "$CDB" --lang zh person show "${CP[0]}"
  expect "学时 6/6 · 结业"
  expect "14 / 56"
  LUNXUN_NOW=2015-04-21T09:00:00+08:00 lx_ok --db "$CDB" --lang zh person show "${CP[1]}"
  expect "学时 4/6 · 未结业"
  LUNXUN_NOW=2015-04-21T09:00:00+08:00 lx_ok --db "$CDB" --lang zh report cohort --cohort 2015-01 \
    -o "$(win 导出/学时班总结.md)"
  expect_in_file "$C/导出/学时班总结.md" "退训"
  LUNXUN_NOW=2015-04-21T09:00:00+08:00 lx_ok --db "$CDB" --lang zh report hours --year 2015 \
    --format xlsx -o "$(win 导出/学时登记表.xlsx)"
  head -c 2 "$C/导出/学时登记表.xlsx" | grep -q PK || fail "学时登记表.xlsx is not a zip"
  LUNXUN_NOW=2015-04-21T09:00:00+08:00 lx_ok --db "$CDB" --lang zh export certificates \
    --cohort 2015-01 -o "$(win 导出/结业证书.xlsx)"
  expect "结业证书 2 份"
  head -c 2 "$C/导出/结业证书.xlsx" | grep -q PK || fail "结业证书.xlsx is not a zip"
  LUNXUN_NOW=2015-04-21T09:00:00+08:00 lx --db "$CDB" --lang zh export certificates \
    --cohort 2015-01 -o "$(win 导出/again.xlsx)"
  [ "$RC" -eq 2 ] || fail "a second certificates export without --reprint exited $RC, not 2"
  [ ! -e "$C/导出/again.xlsx" ] || fail "a refused export left a file"
}

# ---- several desks: bundles (issue 14) ----------------------------------------------

# 1号台 hands the demo cohort to a second laptop on a USB stick (a Chinese folder name).
step_bundle_export() {
  lx_ok --db "$DB" --lang zh desk name 1号台
  expect "1号台"
  mkdir -p "$C/U盘"
  lx_ok --db "$DB" --lang zh bundle export --cohort "$COHORT" -o "$(win U盘/一号台.lxb)"
  expect "已导出数据包"
  lx_ok --db "$DB" --lang zh bundle show "$(win U盘/一号台.lxb)"
  expect "来自：1号台"
  expect "（已核对）"
}

# 2号台 starts from it in an empty folder, checks one person in, and sends that back;
# merging the same bundle again writes nothing.
step_bundle_merge() {
  DB2=$(win "$PROFILE/Documents/二号台")
  lx_ok --db "$DB2" --lang zh bundle merge "$(win U盘/一号台.lxb)"
  expect "已合并 1号台 的数据"
  expect "已自动备份到"
  lx_ok --db "$DB2" --lang zh desk name 2号台
  lx_ok --db "$DB2" --lang zh person add --name 石小溪 --unit 梅溪村 --county 岳阳县 --cohort "$COHORT"
  local id
  id=$(last_id)
  LUNXUN_NOW=2015-03-16T08:50:00+08:00 lx_ok --db "$DB2" --lang zh checkin --cohort "$COHORT" --person "$id"
  lx_ok --db "$DB2" --lang zh bundle export --cohort "$COHORT" -o "$(win U盘/二号台.lxb)"
  lx_ok --db "$DB" --lang zh bundle merge "$(win U盘/二号台.lxb)"
  expect "已合并 2号台 的数据"
  lx_ok --db "$DB" --lang zh search 石小溪
  expect "梅溪村"
  lx_ok --db "$DB" --lang zh bundle merge "$(win U盘/二号台.lxb)" --json
  expect '"written": false'
  lx_ok --db "$DB" --lang zh session list --cohort "$COHORT" --json
  expect "2号台"
}

# A sealed bundle: the passphrase from the environment; a wrong one is refused (exit 2).
step_bundle_encrypted() {
  LUNXUN_BUNDLE_PASSPHRASE=口令-2015 lx_ok --db "$DB" --lang zh bundle export --year 2015 \
    --encrypt -o "$(win U盘/全年.lxb)"
  if grep -qa "\"id_number\"" "$C/U盘/全年.lxb"; then fail "a sealed bundle shows its records"; fi
  LUNXUN_BUNDLE_PASSPHRASE=wrong lx --db "$DB2" --lang zh bundle merge "$(win U盘/全年.lxb)"
  [ "$RC" -eq 2 ] || fail "a wrong passphrase exited $RC, not 2"
  LUNXUN_BUNDLE_PASSPHRASE=口令-2015 lx_ok --db "$DB2" --lang zh bundle merge "$(win U盘/全年.lxb)" --dry-run
}

STEPS=(
  step_prefix step_install_exe
  step_demo step_search_chinese step_import_gbk_csv step_import_xlsx
  step_checkin step_undo step_leave
  step_export_attendance step_reports step_backup_restore
  step_desk_opens step_second_instance_refused step_desk_checks_in_by_initials
  step_desk_checkin_exported step_desk_killed_folder_reopens
  step_damaged_database_refused step_default_folder_in_appdata step_language_from_windows
  step_credit_cohort step_credit_signout step_credit_roster_changes step_credit_register
  step_credit_reports
  step_bundle_export step_bundle_merge step_bundle_encrypted
)

for STEP in "${STEPS[@]}"; do
  started=$SECONDS
  OUT=
  "$STEP"
  echo "  ok  $STEP ($((SECONDS - started)) s)"
done
echo "wine smoke passed: ${#STEPS[@]} steps"
