// The help page (dist/help.html) carries the method: docs/method.md rendered into the page's template
// (src/taskpane/help.html) at build time, so the page the manifest's SupportUrl and LearnMoreUrl open,
// and the pane's «Как считается» link, say what the code does — one text, not a copy to keep in step.
//
// The page runs no script: the template's Content Security Policy allows none, so the Markdown is
// rendered here, in the build, and nothing on the page can execute. Raw HTML in the Markdown is shown
// as text for the same reason.
//
// Anchors: «## §N …» gets id="sN". Code comments cite «docs/method.md §N» and the pane links to
// help.html#s2, so those ids are the stable ones; the build fails when a section is missing. Other
// headings get GitHub's anchor for the same heading (lower case, spaces to hyphens), so a fragment
// works on the page and on the repository's rendering of docs/method.md alike.
const { readFileSync } = require("fs");

const PLUGIN_NAME = "HelpPagePlugin";
/** The method's sections: §1–§10, each cited by code comments and reachable as #s1 … #s10. */
const SECTIONS = 10;
const CONTENTS_MARK = "<!-- help:contents -->";
const METHOD_MARK = "<!-- help:method -->";
/** The English summary closes the method; its part of the page is marked lang="en". */
const ENGLISH_HEADING = /^summary \(english\)$/i;

const escapeHtml = (text) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]
  );

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

/**
 * The page's HTML from its template and the method's Markdown. Async because marked is an ES module;
 * it is loaded here, when a build renders the page, and not when webpack.config.js is read.
 */
async function renderHelpPage(template, markdown) {
  const { Marked } = await import("marked");
  const used = new Set();
  const contents = [];
  let englishId = null;
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth, text }) {
        const section = /^§(\d+)\s/.exec(text);
        let id = section ? `s${section[1]}` : slug(text) || "section";
        if (used.has(id)) {
          if (section) throw new Error(`docs/method.md: two headings «§${section[1]}»`);
          let n = 1;
          while (used.has(`${id}-${n}`)) n++;
          id = `${id}-${n}`;
        }
        used.add(id);
        const inline = this.parser.parseInline(tokens);
        if (depth === 2) contents.push({ id, inline });
        if (depth === 2 && ENGLISH_HEADING.test(text.trim())) englishId = id;
        return `<h${depth} id="${id}">${inline}</h${depth}>\n`;
      },
      // Raw HTML is shown, never run; comments (a formatter's hints) are dropped.
      html({ text }) {
        return /^\s*<!--[\s\S]*-->\s*$/.test(text) ? "" : escapeHtml(text);
      },
    },
  });
  let method = marked.parse(markdown);
  const missing = [];
  for (let n = 1; n <= SECTIONS; n++) if (!used.has(`s${n}`)) missing.push(`§${n}`);
  if (missing.length > 0) {
    throw new Error(
      `docs/method.md: no heading «## ${missing.join("», «## ")} …»; code comments cite these sections and the task pane links to help.html#s2`
    );
  }
  if (englishId !== null) {
    const start = method.indexOf(`<h2 id="${englishId}">`);
    method = `${method.slice(0, start)}<section lang="en">\n${method.slice(start)}</section>\n`;
  }
  const list = contents
    .map(({ id, inline }) => `<li><a href="#${id}">${inline}</a></li>`)
    .join("\n");
  for (const mark of [CONTENTS_MARK, METHOD_MARK]) {
    if (!template.includes(mark)) throw new Error(`help page template: no ${mark}`);
  }
  return template
    .replace(CONTENTS_MARK, () => `<ul>\n${list}\n</ul>`)
    .replace(METHOD_MARK, () => method);
}

/** Emits `filename` rendered from `template` and `method` (paths); a change to either rebuilds it. */
class HelpPagePlugin {
  constructor({ template, method, filename = "help.html" }) {
    this.options = { template, method, filename };
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    const { template, method, filename } = this.options;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          compilation.fileDependencies.add(template);
          compilation.fileDependencies.add(method);
          const html = await renderHelpPage(
            readFileSync(template, "utf8"),
            readFileSync(method, "utf8")
          );
          compilation.emitAsset(filename, new sources.RawSource(html));
        }
      );
    });
  }
}

module.exports = { HelpPagePlugin, renderHelpPage };
