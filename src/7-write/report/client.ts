import type { ReportArticle, ReportData, ReportEntity } from "./report-data.js";

/**
 * The report page's script. It runs in the browser, not in Node: report-html.ts embeds its source
 * (`reportClient.toString()`), so it must stay self-contained, with no imports but types and no
 * reference to anything outside its own body.
 *
 * Article text and every other value from the tables reach the DOM through `textContent` or
 * attributes only, never as markup, so that an article holding `<script>` shows it as text.
 * Nothing is rendered before it is needed: an article's text when it is opened, the entity index
 * and the article list a page of rows at a time.
 */
export function reportClient(): void {
  const PAGE_SIZE = 200;
  const data = JSON.parse(element("report-data").textContent ?? "{}") as ReportData;
  const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });
  const extracted = indexesWhere(data.articles, (article) => article.status === "extracted");
  const skipped = indexesWhere(data.articles, (article) => article.status === "skipped");
  const articlesOfEntity = countMentionsPerArticle();
  const searchKeys = data.entities.map((entity) => fold(`${entity.name} ${entity.acronym} ${entity.aliases}`));

  type SortKey = "name" | "type" | "mentions" | "articles";
  const state = {
    type: "",
    query: "",
    articleQuery: "",
    sortKey: "mentions" as SortKey,
    descending: true,
    entityRows: [] as number[],
    entityLimit: PAGE_SIZE,
    articleLimit: PAGE_SIZE,
    selectedEntity: -1,
    openArticle: -1,
  };

  renderSummary();
  renderLegend(element("article-legend"));
  fillTypeFilter();
  wireControls();
  updateEntityIndex();
  renderArticleList();
  document.body.dataset.ready = "true";
  performance.mark("report-ready");

  function element(id: string): HTMLElement {
    const found = document.getElementById(id);
    if (!found) throw new Error(`report page: no #${id}`);
    return found;
  }

  function make<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function indexesWhere<T>(items: T[], test: (item: T, index: number) => boolean): number[] {
    const indexes: number[] = [];
    items.forEach((item, index) => test(item, index) && indexes.push(index));
    return indexes;
  }

  /** Lower case without accents, so that "etats" finds "États". */
  function fold(text: string): string {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function formatNumber(value: number): string {
    return value.toLocaleString("en-GB");
  }

  function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
    return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
  }

  /** For each entity, the articles where it is highlighted and how many times in each. */
  function countMentionsPerArticle(): Map<number, number>[] {
    const perEntity = data.entities.map(() => new Map<number, number>());
    data.articles.forEach((article, articleIndex) => {
      for (let i = 2; i < article.mentions.length; i += 3) {
        const counts = perEntity[article.mentions[i]!]!;
        counts.set(articleIndex, (counts.get(articleIndex) ?? 0) + 1);
      }
    });
    return perEntity;
  }

  function typeBadge(type: string): HTMLElement {
    const badge = make("span", type, "type-badge");
    badge.dataset.type = type;
    return badge;
  }

  function dateRange(first: string, last: string): string {
    if (!first) return "";
    return first === last ? first : `${first} – ${last}`;
  }

  // Summary ---------------------------------------------------------------------------------------

  function renderSummary(): void {
    const mentionTotal = data.entities.reduce((sum, entity) => sum + entity.mentions, 0);
    const stats: [string, string][] = [
      ["Articles", `${formatNumber(data.articles.length)}: ${formatNumber(extracted.length)} extracted, ${formatNumber(skipped.length)} skipped`],
      ["Mentions", formatNumber(mentionTotal)],
      ["Entities", formatNumber(data.entities.length)],
    ];
    const list = element("summary-stats");
    for (const [term, description] of stats) list.append(make("dt", term), make("dd", description));
    if (data.unplacedMentions > 0) {
      element("summary-warning").textContent = `${plural(data.unplacedMentions, "mention")} could not be placed in their article's text and are not highlighted.`;
    }
    renderTypeTable();
    renderSkipped();
  }

  function renderTypeTable(): void {
    const body = element("type-table-body");
    for (const type of Object.keys(data.colours)) {
      const ofType = data.entities.filter((entity) => entity.type === type);
      const row = make("tr");
      const typeCell = make("td");
      typeCell.append(typeBadge(type));
      const mentions = ofType.reduce((sum, entity) => sum + entity.mentions, 0);
      row.append(typeCell, make("td", formatNumber(mentions), "number"), make("td", formatNumber(ofType.length), "number"));
      body.append(row);
    }
  }

  function renderSkipped(): void {
    element("skipped-title").textContent = `Skipped articles (${formatNumber(skipped.length)})`;
    const reasons = new Map<string, number>();
    for (const index of skipped) reasons.set(data.articles[index]!.reason, (reasons.get(data.articles[index]!.reason) ?? 0) + 1);
    element("skipped-reasons").textContent = [...reasons].map(([reason, count]) => `${reason}: ${formatNumber(count)}`).join(" · ") || "None.";
    const body = element("skipped-table-body");
    for (const index of skipped) {
      const article = data.articles[index]!;
      const row = make("tr");
      row.append(make("td", article.id), make("td", article.date), make("td", article.language), make("td", article.reason));
      body.append(row);
    }
  }

  function renderLegend(container: HTMLElement): void {
    for (const type of Object.keys(data.colours)) container.append(typeBadge(type));
  }

  // Entity index ----------------------------------------------------------------------------------

  function fillTypeFilter(): void {
    const select = element("type-filter") as HTMLSelectElement;
    for (const type of Object.keys(data.colours)) {
      const option = make("option", type);
      option.value = type;
      select.append(option);
    }
  }

  function wireControls(): void {
    const select = element("type-filter") as HTMLSelectElement;
    select.addEventListener("change", () => ((state.type = select.value), updateEntityIndex()));
    const search = element("entity-search") as HTMLInputElement;
    search.addEventListener("input", () => ((state.query = fold(search.value.trim())), updateEntityIndex()));
    for (const button of document.querySelectorAll<HTMLButtonElement>("#entity-table th button")) {
      button.addEventListener("click", () => sortBy(button.dataset.sort as SortKey));
    }
    element("entity-more").addEventListener("click", () => ((state.entityLimit += PAGE_SIZE), renderEntityRows()));
    element("article-more").addEventListener("click", () => ((state.articleLimit += PAGE_SIZE), renderArticleList()));
    const articleSearch = element("article-search") as HTMLInputElement;
    articleSearch.addEventListener("input", () => ((state.articleQuery = fold(articleSearch.value.trim())), (state.articleLimit = PAGE_SIZE), renderArticleList()));
    element("entity-table-body").addEventListener("click", (event) => {
      const row = (event.target as HTMLElement).closest<HTMLElement>("tr[data-entity]");
      if (row) selectEntity(Number(row.dataset.entity));
    });
    for (const id of ["article-table-body", "entity-article-list"]) {
      element(id).addEventListener("click", (event) => {
        const button = (event.target as HTMLElement).closest<HTMLElement>("button[data-article]");
        if (button) openArticle(Number(button.dataset.article));
      });
    }
    element("article-text").addEventListener("click", (event) => {
      const mark = (event.target as HTMLElement).closest<HTMLElement>("mark[data-entity]");
      if (mark) selectEntity(Number(mark.dataset.entity), false);
    });
  }

  function sortBy(key: SortKey): void {
    state.descending = state.sortKey === key ? !state.descending : key === "mentions" || key === "articles";
    state.sortKey = key;
    updateEntityIndex();
  }

  function compareEntities(a: ReportEntity, b: ReportEntity): number {
    const byName = collator.compare(a.name, b.name);
    const direction = state.descending ? -1 : 1;
    if (state.sortKey === "name") return direction * byName;
    const primary = state.sortKey === "type" ? collator.compare(a.type, b.type) : a[state.sortKey] - b[state.sortKey];
    // Ties read in name order whichever way the column is sorted.
    return direction * primary || byName;
  }

  /** Recomputes which entities pass the filters, in sort order, and shows the first page of them. */
  function updateEntityIndex(): void {
    const matches = indexesWhere(
      data.entities,
      (entity, index) => (!state.type || entity.type === state.type) && (!state.query || searchKeys[index]!.includes(state.query)),
    );
    matches.sort((a, b) => compareEntities(data.entities[a]!, data.entities[b]!));
    state.entityRows = matches;
    state.entityLimit = PAGE_SIZE;
    for (const header of document.querySelectorAll<HTMLElement>("#entity-table th[data-sort]")) {
      const sorted = header.dataset.sort === state.sortKey;
      if (sorted) header.setAttribute("aria-sort", state.descending ? "descending" : "ascending");
      else header.removeAttribute("aria-sort");
    }
    renderEntityRows();
  }

  function renderEntityRows(): void {
    const shown = state.entityRows.slice(0, state.entityLimit);
    element("entity-table-body").replaceChildren(...shown.map(entityRow));
    element("entity-status").textContent =
      `${plural(state.entityRows.length, "entity", "entities")} of ${formatNumber(data.entities.length)}` +
      (shown.length < state.entityRows.length ? `, first ${formatNumber(shown.length)} shown` : "");
    element("entity-more").hidden = shown.length >= state.entityRows.length;
  }

  function entityRow(index: number): HTMLTableRowElement {
    const entity = data.entities[index]!;
    const row = make("tr");
    row.dataset.entity = String(index);
    if (index === state.selectedEntity) row.classList.add("selected");
    const nameCell = make("td");
    const button = make("button", entity.name, "link");
    button.type = "button";
    nameCell.append(button);
    if (entity.acronym) nameCell.append(make("span", ` ${entity.acronym}`, "acronym"));
    const typeCell = make("td");
    typeCell.append(typeBadge(entity.type));
    row.append(
      nameCell,
      typeCell,
      make("td", formatNumber(entity.mentions), "number"),
      make("td", formatNumber(entity.articles), "number"),
      make("td", dateRange(entity.firstDate, entity.lastDate), "dates"),
    );
    return row;
  }

  /** Shows the entity's card and its articles, and highlights its mentions in the open article (opening its first one if needed). */
  function selectEntity(index: number, openFirstArticle = true): void {
    state.selectedEntity = index;
    for (const row of document.querySelectorAll<HTMLElement>("#entity-table-body tr")) {
      row.classList.toggle("selected", row.dataset.entity === String(index));
    }
    renderEntityPanel(index);
    const articles = articlesOfEntity[index]!;
    if (openFirstArticle && !articles.has(state.openArticle) && articles.size > 0) openArticle(articles.keys().next().value!);
    else highlightSelectedMentions();
  }

  function renderEntityPanel(index: number): void {
    const entity = data.entities[index]!;
    const panel = element("entity-panel");
    panel.hidden = false;
    element("entity-title").replaceChildren(entity.name, " ", typeBadge(entity.type));
    const facts: [string, string][] = [
      ["Acronym", entity.acronym],
      ["Also written", entity.aliases],
      ["Mentions", `${plural(entity.mentions, "mention")} in ${plural(entity.articles, "article")}`],
      ["Dates", dateRange(entity.firstDate, entity.lastDate)],
      ["Id", entity.id],
    ];
    element("entity-facts").replaceChildren(...facts.filter(([, value]) => value).flatMap(([term, value]) => [make("dt", term), make("dd", value)]));
    const items = [...articlesOfEntity[index]!].map(([articleIndex, count]) => {
      const article = data.articles[articleIndex]!;
      const button = make("button", article.id, "link");
      button.type = "button";
      button.dataset.article = String(articleIndex);
      const item = make("li");
      item.append(button, make("span", [article.date, plural(count, "mention")].filter(Boolean).join(" · "), "muted"));
      return item;
    });
    element("entity-article-list").replaceChildren(...items);
  }

  // Articles --------------------------------------------------------------------------------------

  function renderArticleList(): void {
    const matches = state.articleQuery ? extracted.filter((index) => fold(data.articles[index]!.id).includes(state.articleQuery)) : extracted;
    const shown = matches.slice(0, state.articleLimit);
    element("article-table-body").replaceChildren(...shown.map(articleRow));
    element("article-status").textContent =
      `${plural(matches.length, "extracted article")} of ${formatNumber(extracted.length)}` + (shown.length < matches.length ? `, first ${formatNumber(shown.length)} shown` : "");
    element("article-more").hidden = shown.length >= matches.length;
  }

  function articleRow(index: number): HTMLTableRowElement {
    const article = data.articles[index]!;
    const row = make("tr");
    if (index === state.openArticle) row.classList.add("selected");
    const idCell = make("td");
    const button = make("button", article.id, "link");
    button.type = "button";
    button.dataset.article = String(index);
    idCell.append(button);
    row.append(idCell, make("td", article.date, "dates"), make("td", formatNumber(article.mentionCount), "number"));
    return row;
  }

  function openArticle(index: number): void {
    state.openArticle = index;
    const article = data.articles[index]!;
    for (const button of document.querySelectorAll<HTMLElement>("#article-table-body button[data-article]")) {
      button.closest("tr")!.classList.toggle("selected", button.dataset.article === String(index));
    }
    element("article-title").textContent = article.id;
    const meta = [article.path, article.date ? `dated ${article.date}` : "date unknown", article.language, plural(article.words, "word"), plural(article.mentionCount, "mention")];
    element("article-meta").textContent = meta.join(" · ");
    element("article-hint").hidden = true;
    renderArticleText(article);
    element("article-text").scrollTop = 0;
    highlightSelectedMentions();
  }

  /** Text between mentions goes in as text nodes, each mention as a <mark> whose text is set, never parsed. */
  function renderArticleText(article: ReportArticle): void {
    const container = element("article-text");
    container.lang = article.language === "fra" ? "fr" : "";
    if (article.text === null) {
      container.replaceChildren(make("em", "The original text of this article is not available."));
      return;
    }
    const text = article.text;
    const fragment = document.createDocumentFragment();
    let cursor = 0;
    for (let i = 0; i < article.mentions.length; i += 3) {
      const [start, end, entityIndex] = [article.mentions[i]!, article.mentions[i + 1]!, article.mentions[i + 2]!];
      const entity = data.entities[entityIndex]!;
      fragment.append(text.slice(cursor, start));
      const mark = make("mark", text.slice(start, end), "entity");
      mark.dataset.type = entity.type;
      mark.dataset.entity = String(entityIndex);
      mark.title = `${entity.name} (${entity.type})`;
      fragment.append(mark);
      cursor = end;
    }
    fragment.append(text.slice(cursor));
    container.replaceChildren(fragment);
  }

  function highlightSelectedMentions(): void {
    let first: HTMLElement | undefined;
    for (const mark of element("article-text").querySelectorAll<HTMLElement>("mark[data-entity]")) {
      const selected = mark.dataset.entity === String(state.selectedEntity);
      mark.classList.toggle("selected", selected);
      if (selected) first ??= mark;
    }
    if (first) scrollTextTo(first);
  }

  /** Scrolls the article text alone (scrollIntoView would also scroll the page away from the index). */
  function scrollTextTo(target: HTMLElement): void {
    const container = element("article-text");
    const offset = target.getBoundingClientRect().top - container.getBoundingClientRect().top;
    container.scrollTop += offset - container.clientHeight / 3;
  }
}
