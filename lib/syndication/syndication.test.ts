import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { atom, rss, type FeedInfo } from "./feeds";
import { newsSitemap, sitemap } from "./sitemaps";
import { xml } from "./xml";

const parser = new XMLParser({ ignoreAttributes: false });
const feed: FeedInfo = {
  title: "Masthead & co",
  description: "News <and> views",
  pageUrl: "https://news.example/",
  selfUrl: "https://news.example/feed.xml",
  updated: new Date("2026-11-26T10:00:00Z"),
  entries: [
    {
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
  });

  it("Atom parses, with ids, dates, authors with links and HTML content", () => {
    const doc = parser.parse(atom(feed));
    const entry = doc.feed.entry;
    expect(doc.feed.updated).toBe("2026-11-26T10:00:00.000Z");
    expect(entry.id).toBe("https://news.example/articles/a");
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
});
