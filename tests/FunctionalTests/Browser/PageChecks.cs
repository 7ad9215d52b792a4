using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Portal.FunctionalTests.Browser;

/// <summary>
/// What every step of a browser test does with the page it reached: a full-page screenshot into
/// TestResults/screenshots/&lt;test&gt;/&lt;nn-step&gt;.png (at the repository root), an axe-core run with the
/// WCAG 2.2 A/AA rules that fails on any serious or critical violation, and, in German, a scan for
/// English UI text left untranslated.
/// </summary>
public sealed partial class PageChecks
{
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly Lazy<IReadOnlyDictionary<string, string>> German = new(() => ReadResx(Path.Combine(RepoRoot, "src", "Web",
        "Resources", "SharedResource.de.resx")));

    private readonly string _folder;
    private readonly bool _german;
    private int _step;

    private PageChecks(string testName, bool german)
    {
        _german = german;
        _folder = Path.Combine(RepoRoot, "TestResults", "screenshots", testName);
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        Directory.CreateDirectory(_folder);
    }

    public static PageChecks For(bool german = false, [CallerMemberName] string testName = "") => new(testName, german);

    public static string ScreenshotsFolder => Path.Combine(RepoRoot, "TestResults", "screenshots");

    /// <summary>The UI text for <paramref name="english"/> in this test's language, as the browser shows it.</summary>
    public string T(string english, params object[] args)
    {
        var text = _german
            ? German.Value.TryGetValue(english, out var german)
                ? german
                : throw new InvalidOperationException($"No German text for \"{english}\".")
            : english;
        return args.Length == 0 ? text : string.Format(System.Globalization.CultureInfo.InvariantCulture, text, args);
    }

    /// <summary>
    /// Screenshots the page, then checks it with axe (and for leftover English when German). Pass
    /// <paramref name="axe"/> false for a page already checked in the same state: an axe run costs seconds on 2 cores.
    /// </summary>
    /// <param name="dataColumn">The header of a table column holding data rather than UI text (e-mail subjects are in
    /// each recipient's language): its cells are left out of the scan for English.</param>
    public async Task StepAsync(IPage page, string step, bool axe = true, string? dataColumn = null)
    {
        await ScreenshotAsync(page, step);
        // The German pages are the English markup with other words: axe runs on the English walkthrough's pages.
        if (_german) await AssertNoEnglishLeftAsync(page, step, dataColumn is null ? null : T(dataColumn));
        else if (axe) await AssertAccessibleAsync(page, step);
    }

    public async Task ScreenshotAsync(IPage page, string step)
    {
        _step++;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, $"{_step:00}-{step}.png"), FullPage = true });
    }

    /// <summary>
    /// Runs axe-core in the page itself and brings back only the serious and critical violations. Through the Playwright
    /// binding a run took about 2 s a page on 2 cores, where the same <c>axe.run</c> in the page takes about a quarter of a
    /// second. The pages have no frames, so one run over the document sees all of it.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string step)
    {
        // Evaluated over the DevTools protocol, so the portal's CSP (no inline script) does not stop it.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(AxeSource.Value);
        var serious = await page.EvaluateAsync<JsonElement>("""
            async tags => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({
                  id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                  nodes: v.nodes.map(n => ({
                    target: n.target.join(' '), html: n.html,
                    checks: [...n.any, ...n.all, ...n.none].map(c => c.message),
                  })),
                }));
            }
            """, WcagTags);
        if (serious.GetArrayLength() == 0) return;

        var report = new StringBuilder($"axe found {serious.GetArrayLength()} serious/critical violation(s) on {page.Url} ({step}):\n");
        foreach (var violation in serious.EnumerateArray())
        {
            report.AppendLine(
                $"- [{Text(violation, "impact")}] {Text(violation, "id")}: {Text(violation, "help")} ({Text(violation, "helpUrl")})");
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
            {
                var checks = node.GetProperty("checks").EnumerateArray().Select(check => check.GetString());
                report.AppendLine($"    {Text(node, "target")}: {Text(node, "html")}\n      {string.Join("\n      ", checks)}");
            }
        }
        throw new Xunit.Sdk.XunitException(report.ToString());

        static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();
    }

    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>No English UI text of two words or more (whose German differs) is visible on the page.</summary>
    public static async Task AssertNoEnglishLeftAsync(IPage page, string step, string? dataColumn = null)
    {
        var visible = await page.InnerTextAsync("body");
        if (dataColumn is not null)
        {
            var cells = await page.EvaluateAsync<string[]>("""
                header => {
                  const th = [...document.querySelectorAll('th')].find(t => t.innerText.trim() === header);
                  if (!th) return [];
                  const column = [...th.parentElement.children].indexOf(th);
                  return [...th.closest('table').tBodies[0].rows].map(row => row.cells[column]?.innerText ?? '');
                }
                """, dataColumn);
            foreach (var cell in cells.Where(c => c.Length > 0)) visible = visible.Replace(cell, "", StringComparison.Ordinal);
        }
        var leftovers = EnglishPhrases.Value.Where(phrase => visible.Contains(phrase, StringComparison.Ordinal)).ToList();
        leftovers.ShouldBeEmpty($"English left on the German page {page.Url} ({step}):\n{visible}");
    }

    /// <summary>The English keys worth looking for: the fixed parts of every key around its {n} placeholders, two words or more.</summary>
    private static readonly Lazy<IReadOnlyList<string>> EnglishPhrases = new(() => German.Value
        .Where(entry => entry.Key != entry.Value)
        .SelectMany(entry => Placeholder().Split(entry.Key))
        .Select(part => part.Trim(' ', '.', ',', ':', '(', ')'))
        .Where(part => part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2
            && !German.Value.Values.Any(v => v.Contains(part, StringComparison.Ordinal)))
        .Distinct()
        .ToList());

    private static IReadOnlyDictionary<string, string> ReadResx(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) return dir.FullName;
        throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
