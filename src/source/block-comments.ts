import type { HclComment } from "./hcl-lexer.js";
import type { HclBlock, HclFile } from "./hcl-scan.js";
import { parseSuppressions, type InlineSuppression } from "./suppressions.js";

/**
 * The comments that belong to a block: every comment between its first and
 * last line, and the run of comment-only lines directly above it. A blank
 * line or a line of code ends the run, so a note above an unrelated block
 * further up never leaks down.
 */
export function blockComments(hcl: HclFile, block: HclBlock): HclComment[] {
  const whole = wholeLineComments(hcl);
  let top = block.line;
  for (;;) {
    const above = whole.get(top - 1);
    if (!above) break;
    top = above.line;
  }
  const { comments } = hcl;
  // Comments are in file order: find the first at or after `top`, then take them up to the block's end.
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid]!.line < top) lo = mid + 1;
    else hi = mid;
  }
  const out: HclComment[] = [];
  for (let k = lo; k < comments.length && comments[k]!.line <= block.endLine; k++) out.push(comments[k]!);
  return out;
}

export function blockSuppressions(hcl: HclFile, block: HclBlock, file: string): InlineSuppression[] {
  return parseSuppressions(blockComments(hcl, block), file);
}

const wholeLineIndex = new WeakMap<HclFile, Map<number, HclComment>>();

/** Comments alone on their lines, by last line (the earliest-starting one when several end there). */
function wholeLineComments(hcl: HclFile): Map<number, HclComment> {
  let index = wholeLineIndex.get(hcl);
  if (!index) {
    index = new Map();
    for (const c of hcl.comments) {
      if (!c.ownLine || !c.endsLine) continue;
      const there = index.get(c.endLine);
      if (!there || c.line < there.line) index.set(c.endLine, c);
    }
    wholeLineIndex.set(hcl, index);
  }
  return index;
}
