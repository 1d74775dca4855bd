import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { feedHtml } from "./feed-html";
import { atom, rss, storyUrn, type FeedInfo } from "./feeds";
import { newsSitemap, parseSitemapName, sitemap, sitemapIndex, sitemapName, type SitemapPart } from "./sitemaps";
import { xml } from "./xml";

const parser = new XMLParser({ ignoreAttributes: false });
const feed: FeedInfo = {
  title: "Masthead & co",
  description: "News <and> views",
  pageUrl: "https://news.example/",
  selfUrl: "https://news.example/feed.xml",
  updated: new Date("2026-11-26T10:00:00Z"),
  language: "ar",
  entries: [
    {
      id: storyUrn("0193a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b"),
      url: "https://news.example/articles/a",
      title: "Russia hosts Syria’s <new> leadership",
      summary: 'A standfirst with "quotes" & ampersands',
      contentHtml: "<p>Body with <strong>bold</strong> and ]]> inside</p>",
      published: new Date("2026-11-26T09:00:00Z"),
      updated: null,
      authors: [{ name: "Wendy Writer", url: "https://news.example/authors/wendy-writer" }],
      categories: ["World", "Syria"],
    },
  ],
};

describe("feeds and sitemaps", () => {
  it("escapes text and drops characters XML cannot carry", () => {
    expect(xml(`<a href="x">'&'</a>\u0000\u0007`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });

  it("RSS 2.0 parses, with full content, author, categories and an RFC 822 date", () => {
    const doc = parser.parse(rss(feed));
    const item = doc.rss.channel.item;
    expect(doc.rss["@_version"]).toBe("2.0");
    expect(doc.rss.channel.title).toBe("Masthead & co");
    expect(item.title).toBe("Russia hosts Syria’s <new> leadership");
    expect(item["content:encoded"]).toBe("<p>Body with <strong>bold</strong> and ]]> inside</p>");
    expect(item["dc:creator"]).toBe("Wendy Writer");
    expect(item.category).toEqual(["World", "Syria"]);
    expect(item.pubDate).toBe("Thu, 26 Nov 2026 09:00:00 GMT");
    // The story's id, not its address (which may change): not a permalink.
    expect(item.guid).toEqual({ "#text": "urn:uuid:0193a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b", "@_isPermaLink": "false" });
    expect(doc.rss.channel.language).toBe("ar");
  });

  it("Atom parses, with ids, dates, authors with links and HTML content", () => {
    const doc = parser.parse(atom(feed));
    const entry = doc.feed.entry;
    expect(doc.feed.updated).toBe("2026-11-26T10:00:00.000Z");
    expect(entry.id).toBe("urn:uuid:0193a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b");
    expect(entry.link["@_href"]).toBe("https://news.example/articles/a");
    expect(doc.feed["@_xml:lang"]).toBe("ar");
    expect(entry.published).toBe("2026-11-26T09:00:00.000Z");
    expect(entry.updated).toBe("2026-11-26T09:00:00.000Z");
    expect(entry.author).toEqual({ name: "Wendy Writer", uri: "https://news.example/authors/wendy-writer" });
    expect(entry.content["#text"]).toContain("<strong>bold</strong>");
  });

  it("sitemaps list addresses with dates; the news sitemap names the publication", () => {
    const map = parser.parse(
      sitemap([
        { url: "https://news.example/articles/a?x=1&y=2", lastModified: new Date("2026-11-26T09:00:00Z") },
        { url: "https://news.example/", lastModified: null },
      ]),
    );
    expect(map.urlset.url[0]).toEqual({
      loc: "https://news.example/articles/a?x=1&y=2",
      lastmod: "2026-11-26T09:00:00.000Z",
    });
    const news = parser.parse(
      newsSitemap({ name: "Masthead", language: "en" }, [
        {
          url: "https://news.example/articles/a",
          title: "A & B",
          published: new Date("2026-11-26T09:00:00Z"),
          keywords: ["Syria"],
        },
      ]),
    );
    expect(news.urlset.url["news:news"]["news:publication"]).toEqual({
      "news:name": "Masthead",
      "news:language": "en",
    });
    expect(news.urlset.url["news:news"]["news:title"]).toBe("A & B");
  });

  it("a sitemap index lists its children with their dates", () => {
    const index = parser.parse(
      sitemapIndex([
        { url: "https://news.example/sitemaps/pages.xml", lastModified: new Date("2026-11-26T09:00:00Z") },
        { url: "https://news.example/sitemaps/tags.xml", lastModified: null },
      ]),
    );
    expect(index.sitemapindex["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(index.sitemapindex.sitemap).toEqual([
      { loc: "https://news.example/sitemaps/pages.xml", lastmod: "2026-11-26T09:00:00.000Z" },
      { loc: "https://news.example/sitemaps/tags.xml" },
    ]);
  });
});

describe("child sitemap names", () => {
  const parts: [string, SitemapPart][] = [
    ["pages.xml", { kind: "pages" }],
    ["stories-2026-11.xml", { kind: "stories", month: "2026-11", part: 1 }],
    ["stories-2026-11-2.xml", { kind: "stories", month: "2026-11", part: 2 }],
    ["authors.xml", { kind: "authors", part: 1 }],
    ["tags-17.xml", { kind: "tags", part: 17 }],
  ];
  it.each(parts)("%s names one part, and is its name", (name, part) => {
    expect(parseSitemapName(name)).toEqual(part);
    expect(sitemapName(part)).toBe(name);
  });
  it.each([
    "stories-2026-13.xml",
    "stories-2026-00.xml",
    "stories-1969-12.xml",
    "stories-2026-11-1.xml",
    "stories-2026-11-02.xml",
    "tags-0.xml",
    "pages-2.xml",
    "stories-2026-11.xml.gz",
    "../sitemap.xml",
    "Tags.xml",
    "tags-123456.xml",
  ])("%s is no part (404)", (name) => {
    expect(parseSitemapName(name)).toBeNull();
  });
});

describe("feed HTML", () => {
  it("drops React's preload links and text markers, and makes every address absolute", () => {
    const rendered =
      '<link rel="preload" as="image" imageSrcSet="/media/a-640.jpg 640w"/><figure><img src="/media/a.jpg" alt="A" srcSet="/media/a-640.jpg 640w, /media/a-1280.jpg 1280w"/>' +
      '<figcaption>Cap <!-- -->tion</figcaption></figure><p>See <a href="/articles/b">this</a>, <a href="https://other.example/x">that</a> and <a href="//cdn.example/y">those</a>.</p>';
    expect(feedHtml(rendered, "https://news.example/")).toBe(
      '<figure><img src="https://news.example/media/a.jpg" alt="A" srcset="https://news.example/media/a-640.jpg 640w, https://news.example/media/a-1280.jpg 1280w"/>' +
        '<figcaption>Cap tion</figcaption></figure><p>See <a href="https://news.example/articles/b">this</a>, <a href="https://other.example/x">that</a> and <a href="//cdn.example/y">those</a>.</p>',
    );
  });

  it("leaves what a writer typed as text alone", () => {
    const typed = "<p>&lt;!-- --&gt; and &lt;link rel=&quot;preload&quot;&gt; and  href=&quot;/x&quot;</p>";
    expect(feedHtml(typed, "https://news.example")).toBe(typed);
  });
});
