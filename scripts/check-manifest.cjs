#!/usr/bin/env node
/*
 * Offline check of the add-in only (XML) manifest.
 *
 * `office-addin-manifest validate` (npm run validate) posts the manifest to an online service that this
 * project's machines cannot reach, and no npm package ships the manifest's XSD schemas. This script checks
 * what can be checked offline, and what actually breaks add-ins:
 *   - the XML is well-formed (fast-xml-parser, and `xmllint --noout` when it is installed);
 *   - the required elements are present (Id, Version, ProviderName, DefaultLocale, DisplayName,
 *     Description, IconUrl, Hosts, Requirements with ExcelApi, SharedRuntime and CustomFunctionsRuntime,
 *     DefaultSettings/SourceLocation, Permissions, VersionOverrides with Runtimes and a CustomFunctions
 *     extension point in namespace EDU);
 *   - every resid resolves to a resource of the right kind, ids are unique and within Office's limits;
 *   - every URL is https and all of them share one base (origin and folder);
 *   - the shared runtime is wired consistently (one page for Runtime, custom functions Page, FunctionFile
 *     and the task pane button), and — given a built dist/ — that page loads the functions bundle
 *     (otherwise custom functions hang at #BUSY!) and office.js, and every file the manifest points to
 *     exists.
 * With --taskpane-only (dist/manifest-taskpane.xml, scripts/webpack/taskpane-manifest.cjs), the
 * manifest for Excel without the shared runtime and custom functions: the same checks, except that it
 * must have none of their parts — no SharedRuntime or CustomFunctionsRuntime requirement, no
 * <Runtimes>, no CustomFunctions extension point — since Excel skips a manifest that asks for them.
 *
 * Usage: node scripts/check-manifest.cjs [manifest.xml ...] [--dist <folder>] [--taskpane-only]
 *   With --dist, the manifest's URLs are resolved against that folder (e.g. dist/manifest.xml --dist dist).
 * Also used as a library by test/manifest/*.test.ts.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { XMLParser, XMLValidator } = require("fast-xml-parser");

const REQUIRED_NAMESPACE = "EDU";
const PERMISSIONS = [
  "Restricted",
  "ReadDocument",
  "ReadAllDocument",
  "WriteDocument",
  "ReadWriteDocument",
];
const RESID_MAX = 32;
const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;

/** Which kind of resource a resid on this element must name. */
const RESID_KIND_BY_ELEMENT = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Runtime: "Urls",
  Override: "Urls", // <Runtime><Override resid=…> (JavaScript-only runtime override)
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

/** A small element tree: { name, attrs, children, text }, namespace prefixes removed. */
function parseTree(xmlText) {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    commentPropName: "#comment",
  });
  const toElements = (nodes) =>
    nodes
      .filter((node) => !("#text" in node) && !("#comment" in node) && !("?xml" in node))
      .map((node) => {
        const name = Object.keys(node).find((key) => key !== ":@");
        const childNodes = node[name] || [];
        const text = childNodes
          .filter((child) => "#text" in child)
          .map((child) => String(child["#text"]))
          .join("");
        return { name, attrs: node[":@"] || {}, children: toElements(childNodes), text };
      });
  return toElements(parser.parse(xmlText));
}

function childrenNamed(element, name) {
  return element ? element.children.filter((child) => child.name === name) : [];
}

function child(element, name) {
  return childrenNamed(element, name)[0];
}

/** child(child(child(root, a), b), c) for a path "a/b/c". */
function at(element, pathText) {
  return pathText.split("/").reduce((current, name) => child(current, name), element);
}

function walk(element, visit, ancestors = []) {
  visit(element, ancestors);
  for (const next of element.children) walk(next, visit, [...ancestors, element]);
}

function xmllintProblems(file) {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (probe.error) return { ran: false, problems: [] };
  const result = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
  const problems = result.status === 0 ? [] : [`xmllint: ${result.stderr.trim()}`];
  return { ran: true, problems };
}

/** Requirement sets of the custom functions, which the task-pane-only manifest must not ask for. */
const FUNCTIONS_SETS = ["SharedRuntime", "CustomFunctionsRuntime"];

/**
 * Checks manifest text. Returns { problems: string[], info } where info has the resolved base URL, the
 * URL of every resource, the task pane page, the shared-runtime page and the requirement sets.
 * `options.distDir` enables the built-files checks; `options.taskpaneOnly` checks the manifest without
 * shared runtime and custom functions.
 */
function checkManifestText(xmlText, options = {}) {
  const problems = [];
  const taskpaneOnly = options.taskpaneOnly === true;
  const info = {
    baseUrl: null,
    urls: [],
    pageUrl: null,
    runtimeUrl: null,
    functionsScriptUrl: null,
    metadataUrl: null,
    requirements: {},
  };

  const validation = XMLValidator.validate(xmlText);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    problems.push(`not well-formed XML: ${msg} (line ${line}, column ${col})`);
    return { problems, info };
  }
  const roots = parseTree(xmlText);
  const root = roots.find((element) => element.name === "OfficeApp");
  if (!root) {
    problems.push("root element is not <OfficeApp>");
    return { problems, info };
  }
  if (root.attrs.type !== "TaskPaneApp") {
    problems.push(
      `<OfficeApp xsi:type> must be TaskPaneApp, found ${JSON.stringify(root.attrs.type)}`
    );
  }

  // Required base elements.
  const id = at(root, "Id");
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id.text)) {
    problems.push("<Id> must be a GUID");
  }
  const version = at(root, "Version");
  if (!version || !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version.text)) {
    problems.push("<Version> must look like 1.0.0.0");
  }
  for (const name of ["ProviderName", "DefaultLocale"]) {
    const element = at(root, name);
    if (!element || !element.text) problems.push(`<${name}> is missing or empty`);
  }
  for (const name of ["DisplayName", "Description", "IconUrl", "HighResolutionIconUrl"]) {
    const element = at(root, name);
    if (!element || !element.attrs.DefaultValue)
      problems.push(`<${name} DefaultValue> is missing or empty`);
  }
  const hosts = childrenNamed(at(root, "Hosts"), "Host");
  if (!hosts.some((host) => host.attrs.Name === "Workbook"))
    problems.push('<Hosts> has no <Host Name="Workbook">');
  for (const set of childrenNamed(at(root, "Requirements/Sets"), "Set")) {
    info.requirements[set.attrs.Name] = set.attrs.MinVersion || null;
  }
  const required = taskpaneOnly ? ["ExcelApi"] : ["ExcelApi", ...FUNCTIONS_SETS];
  for (const name of required) {
    if (!(name in info.requirements)) problems.push(`<Requirements> lacks <Set Name="${name}">`);
    else if (!/^\d+\.\d+$/.test(info.requirements[name] || ""))
      problems.push(`<Set Name="${name}"> needs a MinVersion such as 1.8`);
  }
  if (taskpaneOnly) {
    for (const name of FUNCTIONS_SETS.filter((set) => set in info.requirements)) {
      problems.push(
        `task-pane-only manifest requires ${name}: Excel without custom functions would not load it`
      );
    }
  }
  const sourceLocation = at(root, "DefaultSettings/SourceLocation");
  if (!sourceLocation || !sourceLocation.attrs.DefaultValue) {
    problems.push("<DefaultSettings><SourceLocation DefaultValue> is missing");
  }
  const permissions = at(root, "Permissions");
  if (!permissions || !PERMISSIONS.includes(permissions.text)) {
    problems.push(`<Permissions> must be one of ${PERMISSIONS.join(", ")}`);
  }

  // Resources.
  const overrides = at(root, "VersionOverrides");
  if (!overrides) {
    problems.push("<VersionOverrides> is missing");
    return { problems, info };
  }
  const resources = new Map(); // id -> { kind, value }
  const resourcesElement = child(overrides, "Resources");
  if (!resourcesElement) problems.push("<VersionOverrides><Resources> is missing");
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const element of resourcesElement
      ? resourcesElement.children.filter((c) => c.name === kind)
      : []) {
      for (const resource of element.children) {
        const resourceId = resource.attrs.id;
        if (!resourceId) {
          problems.push(`a <${resource.name}> in <${kind}> has no id`);
          continue;
        }
        if (resources.has(resourceId))
          problems.push(`resource id "${resourceId}" is defined twice`);
        if (resourceId.length > RESID_MAX)
          problems.push(`resource id "${resourceId}" is over ${RESID_MAX} characters`);
        const value = resource.attrs.DefaultValue;
        if (!value) problems.push(`resource "${resourceId}" has no DefaultValue`);
        const limit =
          kind === "ShortStrings"
            ? SHORT_STRING_MAX
            : kind === "LongStrings"
              ? LONG_STRING_MAX
              : null;
        const texts = [
          value || "",
          ...childrenNamed(resource, "Override").map((o) => o.attrs.Value || ""),
        ];
        if (limit && texts.some((text) => text.length > limit)) {
          problems.push(`string "${resourceId}" is over ${limit} characters`);
        }
        resources.set(resourceId, { kind, value: value || "" });
      }
    }
  }

  // Every resid resolves, to the right kind of resource.
  const used = new Set();
  walk(overrides, (element, ancestors) => {
    const resid = element.attrs.resid;
    if (resid === undefined) return;
    used.add(resid);
    const resource = resources.get(resid);
    if (!resource) {
      problems.push(`<${element.name} resid="${resid}"> names no resource`);
      return;
    }
    const parent = ancestors[ancestors.length - 1];
    let expected = RESID_KIND_BY_ELEMENT[element.name];
    if (element.name === "Description" && parent && parent.name === "Supertip")
      expected = "LongStrings";
    if (element.name === "Title" && parent && parent.name === "GetStarted")
      expected = "ShortStrings";
    if (expected && resource.kind !== expected) {
      problems.push(
        `<${element.name} resid="${resid}"> must name one of <${expected}>, not <${resource.kind}>`
      );
    }
  });
  for (const [resourceId] of resources) {
    if (!used.has(resourceId)) problems.push(`resource "${resourceId}" is never used`);
  }

  // URLs: https, one base.
  const urls = [];
  walk(root, (element) => {
    for (const [name, value] of Object.entries(element.attrs)) {
      if ((name === "DefaultValue" || name === "Value") && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
        urls.push({
          where: `<${element.name}${element.attrs.id ? ` id="${element.attrs.id}"` : ""}>`,
          url: value,
        });
      }
    }
    if (element.name === "AppDomain") urls.push({ where: "<AppDomain>", url: element.text });
  });
  info.urls = urls.map((entry) => entry.url);
  for (const { where, url } of urls) {
    if (!url.startsWith("https://")) problems.push(`${where} URL is not https: ${url}`);
  }
  const pageUrl = sourceLocation && sourceLocation.attrs.DefaultValue;
  info.pageUrl = pageUrl || null;
  if (pageUrl) {
    info.baseUrl = pageUrl.slice(0, pageUrl.lastIndexOf("/") + 1);
    for (const { where, url } of urls) {
      if (!url.startsWith(info.baseUrl))
        problems.push(`${where} URL ${url} is outside the add-in's base ${info.baseUrl}`);
    }
  }

  // Shared runtime and custom functions.
  const workbook = childrenNamed(child(overrides, "Hosts"), "Host").find(
    (host) => host.attrs.type === "Workbook"
  );
  if (!workbook) {
    problems.push('<VersionOverrides> has no <Host xsi:type="Workbook">');
    return { problems, info };
  }
  const urlOf = (resid) => (resources.get(resid) || {}).value;
  const runtime = at(workbook, "Runtimes/Runtime");
  const functionsPoint = childrenNamed(child(workbook, "AllFormFactors"), "ExtensionPoint").find(
    (point) => point.attrs.type === "CustomFunctions"
  );
  if (taskpaneOnly) {
    if (at(workbook, "Runtimes")) problems.push("task-pane-only manifest has <Runtimes>");
    if (functionsPoint)
      problems.push('task-pane-only manifest has an <ExtensionPoint xsi:type="CustomFunctions">');
    if (options.distDir) problems.push(...checkBuiltFiles(info, options.distDir));
    return { problems, info };
  }
  if (!runtime) {
    problems.push("<Runtimes><Runtime> is missing: no shared runtime");
  } else {
    if (runtime.attrs.lifetime !== "long") problems.push('<Runtime lifetime> must be "long"');
    info.runtimeUrl = urlOf(runtime.attrs.resid) || null;
  }
  if (!functionsPoint) {
    problems.push('<AllFormFactors> has no <ExtensionPoint xsi:type="CustomFunctions">');
  } else {
    for (const part of [
      "Script/SourceLocation",
      "Page/SourceLocation",
      "Metadata/SourceLocation",
      "Namespace",
    ]) {
      if (!at(functionsPoint, part))
        problems.push(`custom functions <${part.replace("/", "><")}> is missing`);
    }
    const page = at(functionsPoint, "Page/SourceLocation");
    if (runtime && page && page.attrs.resid !== runtime.attrs.resid) {
      problems.push(
        `custom functions <Page> (${page.attrs.resid}) is not the shared runtime (${runtime.attrs.resid})`
      );
    }
    const namespace = at(functionsPoint, "Namespace");
    if (
      namespace &&
      resources.has(namespace.attrs.resid) &&
      urlOf(namespace.attrs.resid) !== REQUIRED_NAMESPACE
    ) {
      problems.push(
        `custom functions namespace must be ${REQUIRED_NAMESPACE}, found "${urlOf(namespace.attrs.resid)}"`
      );
    }
    info.functionsScriptUrl =
      urlOf((at(functionsPoint, "Script/SourceLocation") || { attrs: {} }).attrs.resid) || null;
    info.metadataUrl =
      urlOf((at(functionsPoint, "Metadata/SourceLocation") || { attrs: {} }).attrs.resid) || null;
  }
  const desktop = child(workbook, "DesktopFormFactor");
  const functionFile = child(desktop, "FunctionFile");
  if (runtime && functionFile && functionFile.attrs.resid !== runtime.attrs.resid) {
    problems.push(
      `<FunctionFile> (${functionFile.attrs.resid}) is not the shared runtime (${runtime.attrs.resid})`
    );
  }
  if (desktop) {
    walk(desktop, (element) => {
      if (element.name === "Action" && element.attrs.type === "ShowTaskpane") {
        const location = child(element, "SourceLocation");
        if (runtime && location && location.attrs.resid !== runtime.attrs.resid) {
          problems.push(
            `ShowTaskpane <SourceLocation> (${location.attrs.resid}) is not the shared runtime page`
          );
        }
      }
    });
  }
  if (info.runtimeUrl && pageUrl && info.runtimeUrl !== pageUrl) {
    problems.push(
      `the shared runtime page ${info.runtimeUrl} is not <DefaultSettings><SourceLocation> ${pageUrl}`
    );
  }

  if (options.distDir) problems.push(...checkBuiltFiles(info, options.distDir));
  return { problems, info };
}

/**
 * The files a built manifest points to exist in distDir, the task pane page loads office.js, and the
 * shared runtime page (if any) loads the functions bundle.
 */
function checkBuiltFiles(info, distDir) {
  const problems = [];
  if (!fs.existsSync(distDir)) return [`${distDir}/ does not exist: run \`npm run build\` first`];
  if (!info.baseUrl) return problems;
  const fileFor = (url) =>
    path.join(
      distDir,
      decodeURI(new URL(url).pathname.slice(new URL(info.baseUrl).pathname.length))
    );
  for (const url of new Set(info.urls.filter((u) => u.startsWith(info.baseUrl)))) {
    if (!fs.existsSync(fileFor(url))) problems.push(`${url} → ${fileFor(url)} does not exist`);
  }
  if (info.metadataUrl && fs.existsSync(fileFor(info.metadataUrl))) {
    try {
      const metadata = JSON.parse(fs.readFileSync(fileFor(info.metadataUrl), "utf8"));
      if (!Array.isArray(metadata.functions) || metadata.functions.length === 0) {
        problems.push(`${fileFor(info.metadataUrl)} declares no functions`);
      }
    } catch (error) {
      problems.push(`${fileFor(info.metadataUrl)} is not JSON: ${error.message}`);
    }
  }
  const scriptsOf = (url) =>
    [
      ...fs.readFileSync(fileFor(url), "utf8").matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi),
    ].map((match) => match[1]);
  if (info.runtimeUrl && info.functionsScriptUrl && fs.existsSync(fileFor(info.runtimeUrl))) {
    const functionsFile = info.functionsScriptUrl.slice(info.baseUrl.length);
    if (
      !scriptsOf(info.runtimeUrl).some(
        (src) => src === functionsFile || src.endsWith(`/${functionsFile}`)
      )
    ) {
      problems.push(
        `the shared runtime page ${fileFor(info.runtimeUrl)} does not load ${functionsFile}: custom functions would stay at #BUSY!`
      );
    }
  }
  // From this origin (assets/office-js/) or Microsoft's CDN: either way a file named office.js.
  for (const url of new Set([info.pageUrl, info.runtimeUrl].filter(Boolean))) {
    if (
      fs.existsSync(fileFor(url)) &&
      !scriptsOf(url).some((src) => /(^|\/)office\.js$/.test(src))
    ) {
      const what = url === info.runtimeUrl ? "the shared runtime page" : "the task pane page";
      problems.push(`${what} ${fileFor(url)} does not load office.js`);
    }
  }
  return problems;
}

function checkManifestFile(file, options = {}) {
  const text = fs.readFileSync(file, "utf8");
  const result = checkManifestText(text, options);
  const lint = xmllintProblems(file);
  return { ...result, problems: [...lint.problems, ...result.problems], xmllint: lint.ran };
}

function runCli(argv) {
  const files = [];
  let distDir;
  let taskpaneOnly = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--dist") distDir = argv[++i];
    else if (argv[i] === "--taskpane-only") taskpaneOnly = true;
    else files.push(argv[i]);
  }
  if (files.length === 0) files.push("manifest.xml");
  let failed = false;
  for (const file of files) {
    if (!fs.existsSync(file)) {
      console.error(`${file}: not found${distDir ? " (run `npm run build` first)" : ""}`);
      failed = true;
      continue;
    }
    const { problems, info, xmllint } = checkManifestFile(file, { distDir, taskpaneOnly });
    if (problems.length > 0) {
      failed = true;
      console.error(`${file}: ${problems.length} problem(s)`);
      for (const problem of problems) console.error(`  - ${problem}`);
    } else {
      const checks = [
        xmllint ? "xmllint" : "well-formed (xmllint not installed)",
        "required elements",
        "resids",
        "https, one base",
        taskpaneOnly ? "task pane only, no custom-functions parts" : "shared runtime and functions",
      ];
      if (distDir) checks.push(`files in ${distDir}/`);
      console.log(`${file}: OK (${checks.join(", ")}; base ${info.baseUrl})`);
    }
  }
  return failed ? 1 : 0;
}

module.exports = { checkManifestText, checkManifestFile, parseTree };

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2));
}
