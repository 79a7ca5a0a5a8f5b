# Prints each failed test of a .trx file with the first lines of its message and stack trace, so that a CI log cut to its
# last lines still says why a test failed. Usage: awk -f scripts/trx-failures.awk TestResults/*.trx
function unescape(s) {
  gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'", s); gsub(/&#xD;/, "", s)
  gsub(/&#xA;/, "\n", s); gsub(/&amp;/, "\\&", s)
  return s
}
/<UnitTestResult / && /outcome="(Failed|Error|Timeout|Aborted)"/ {
  name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name)
  printf "FAILED: %s\n", unescape(name)
  failed = 1; section = ""; shown = 0
  next
}
failed && /<Message>/ { section = "message"; shown = 0; sub(/.*<Message>/, "") }
failed && /<StackTrace>/ { section = "stack"; shown = 0; sub(/.*<StackTrace>/, "") }
failed && section != "" {
  line = $0; done = sub(/<\/(Message|StackTrace)>.*/, "", line)
  limit = section == "message" ? 15 : 6
  if (shown < limit && line ~ /[^ \t]/) { printf "    %s\n", substr(unescape(line), 1, 400); shown++ }
  if (done) { section = "" }
}
failed && /<\/UnitTestResult>/ { failed = 0; section = "" }
