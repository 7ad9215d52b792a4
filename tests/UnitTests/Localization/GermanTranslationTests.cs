using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Web;

namespace Portal.UnitTests.Localization;

/// <summary>
/// Keys are the English texts and the neutral culture falls back to the key, so the only thing that can
/// go wrong is a German entry that is missing, empty, or drops a {n} placeholder. These tests collect
/// every key the UI can ask for and check it against src/Web/Resources/SharedResource.de.resx.
/// </summary>
public sealed class GermanTranslationTests
{
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string SharedResx = Path.Combine(RepoRoot, "src", "Web", "Resources", "SharedResource.de.resx");

    [Fact]
    public void Every_key_used_by_the_web_application_has_a_German_translation()
    {
        var german = ReadResx(SharedResx);
        var keys = CollectKeys();
        keys.Count.ShouldBeGreaterThan(100, "the key scan found suspiciously few keys; is the scan still working?");

        var problems = new List<string>();
        foreach (var (key, sources) in keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var where = string.Join(", ", sources.Distinct().Take(3));
            if (!german.TryGetValue(key, out var translation) || string.IsNullOrWhiteSpace(translation))
            {
                problems.Add($"missing: \"{key}\"  ({where})");
                continue;
            }
            var expected = Placeholders(key);
            var actual = Placeholders(translation);
            if (!expected.SetEquals(actual))
                problems.Add($"placeholders differ: \"{key}\" has {{{string.Join("}, {", expected)}}} but \"{translation}\" has " +
                    $"{{{string.Join("}, {", actual)}}}  ({where})");
        }

        problems.ShouldBeEmpty(
            $"{problems.Count} of {keys.Count} keys have no usable German translation in {Relative(SharedResx)}:\n"
                + string.Join("\n", problems));
    }

    [Fact]
    public void Keys_are_plain_literals_so_they_can_be_translated()
    {
        // T[$"..."] or T[a + b] produce keys no resource file can contain.
        var offenders = new List<string>();
        foreach (var file in WebSourceFiles())
        {
            var text = File.ReadAllText(file);
            foreach (Match m in Regex.Matches(text, @"(?<![\w.])[Tt]\[\s*(\$|@\$|\$@)"""))
                offenders.Add($"{Relative(file)}:{LineOf(text, m.Index)}");
        }
        offenders.ShouldBeEmpty("interpolated localization keys:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void German_resource_file_has_no_duplicate_or_empty_entries()
    {
        var names = XDocument.Load(SharedResx).Root!.Elements("data")
            .Select(d => (Name: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? ""))
            .ToList();
        names.GroupBy(n => n.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        names.Where(n => string.IsNullOrWhiteSpace(n.Value)).Select(n => n.Name).ShouldBeEmpty();
    }

    [Fact]
    public void The_real_localizer_finds_the_German_resources_and_falls_back_to_the_key_in_English()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        // Exactly what IStringLocalizer<SharedResource> does in the application (AddLocalization() without ResourcesPath).
        var localizer = factory.Create(typeof(SharedResource));

        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("de");
            var signIn = localizer["Sign in"];
            signIn.ResourceNotFound.ShouldBeFalse($"resource searched at: {signIn.SearchedLocation}");
            signIn.Value.ShouldBe("Anmelden");
            localizer["My Account"].Value.ShouldBe("Mein Konto");
            localizer["Page {0} of {1}", 2, 7].Value.ShouldBe("Seite 2 von 7");
            localizer[DomainErrors.AccessAlreadyGranted.Message].ResourceNotFound.ShouldBeFalse();

            // The compiled satellite assembly holds every entry of the resx the other tests read.
            localizer.GetAllStrings(includeParentCultures: false).Count().ShouldBe(ReadResx(SharedResx).Count);

            CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
            localizer["Sign out"].Value.ShouldBe("Abmelden");

            CultureInfo.CurrentUICulture = new CultureInfo("en");
            localizer["Sign in"].Value.ShouldBe("Sign in");
            localizer["Page {0} of {1}", 2, 7].Value.ShouldBe("Page 2 of 7");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void German_mail_texts_have_every_key_of_the_English_ones()
    {
        var mailFolder = Path.Combine(RepoRoot, "src", "Infrastructure", "Mail");
        var english = ReadResx(Path.Combine(mailFolder, "MailTexts.resx"));
        var german = ReadResx(Path.Combine(mailFolder, "MailTexts.de.resx"));
        english.ShouldNotBeEmpty();

        var problems = new List<string>();
        foreach (var (key, text) in english)
        {
            if (!german.TryGetValue(key, out var translation) || string.IsNullOrWhiteSpace(translation))
                problems.Add($"missing: {key}");
            else if (!Placeholders(text).SetEquals(Placeholders(translation)))
                problems.Add($"placeholders differ: {key}");
        }
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    // ---- key collection ---------------------------------------------------------------------------

    private static readonly Regex LocalizerCall = new(
        @"(?<![\w.])[Tt]\[\s*(?:""(?<s>(?:[^""\\\r\n]|\\.)*)""|@""(?<v>(?:[^""]|"""")*)"")",
        RegexOptions.Compiled);

    private static readonly Regex DisplayAttribute = new(@"\bDisplay\s*\((?<args>[^)]*)\)", RegexOptions.Compiled);

    private static readonly Regex LocalizedNamedArgument = new(
        @"\b(?:Name|ShortName|Description|Prompt|ErrorMessage)\s*=\s*""(?<s>(?:[^""\\]|\\.)*)""", RegexOptions.Compiled);

    private static readonly Regex ErrorMessageArgument = new(@"\bErrorMessage\s*=\s*""(?<s>(?:[^""\\]|\\.)*)""", RegexOptions.Compiled);

    private static readonly Regex PlainStringLiteral = new(@"(?<![$@\w""])""(?<s>(?:[^""\\\r\n]|\\.)*)""", RegexOptions.Compiled);

    /// <summary>Every key with the places it comes from.</summary>
    private static Dictionary<string, List<string>> CollectKeys()
    {
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string key, string source)
        {
            if (!keys.TryGetValue(key, out var sources)) keys[key] = sources = [];
            sources.Add(source);
        }

        foreach (var file in WebSourceFiles())
        {
            var text = File.ReadAllText(file);
            var rel = Relative(file);

            // T["text"], T["text {0}", arg], t["..."] in views, page models and helpers.
            foreach (Match m in LocalizerCall.Matches(text))
            {
                var key = m.Groups["s"].Success ? Unescape(m.Groups["s"].Value) : m.Groups["v"].Value.Replace("\"\"", "\"");
                Add(key, $"{rel}:{LineOf(text, m.Index)}");
            }

            if (!file.EndsWith(".cs", StringComparison.Ordinal)) continue;

            // [Display(Name = "...")] and friends, localized through the DataAnnotations localizer.
            foreach (Match m in DisplayAttribute.Matches(text))
                foreach (Match arg in LocalizedNamedArgument.Matches(m.Groups["args"].Value))
                    Add(Unescape(arg.Groups["s"].Value), $"{rel}:{LineOf(text, m.Index)} (Display)");
            foreach (Match m in ErrorMessageArgument.Matches(text))
                Add(Unescape(m.Groups["s"].Value), $"{rel}:{LineOf(text, m.Index)} (ErrorMessage)");

            // Page models hand sentences to T[...] through a variable or constant, e.g.
            // ActAsync(..., "Access granted. The invitation e-mail is on its way.") or T[GenericFailure].
            if (IsPageModel(file))
            {
                var lines = text.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                    foreach (Match m in PlainStringLiteral.Matches(lines[i]))
                    {
                        var literal = Unescape(m.Groups["s"].Value);
                        if (LooksLikeASentence(literal)) Add(literal, $"{rel}:{i + 1} (sentence)");
                    }
                }
            }
        }

        // Messages from the application layer (validator messages, ...) and the conflict message.
        foreach (var (message, source) in ApplicationMessages()) Add(message, source);
        Add(new ConflictException(new InvalidOperationException()).Message, nameof(ConflictException));

        // Every refusal the domain can give.
        foreach (var field in typeof(DomainErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
                     .Where(f => f.FieldType == typeof(DomainError)))
            Add(((DomainError)field.GetValue(null)!).Message, $"DomainErrors.{field.Name}");

        return keys;
    }

    /// <summary>Public string constants of Portal.Application that read like text (contain a space or end in '.').</summary>
    private static IEnumerable<(string Message, string Source)> ApplicationMessages() =>
        from type in typeof(ApplicationMarker).Assembly.GetTypes()
        from field in type.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
        where field is { IsLiteral: true, IsInitOnly: false } && field.FieldType == typeof(string)
        let value = (string)field.GetRawConstantValue()!
        where value.Contains(' ') || value.EndsWith('.')
        select (value, $"{type.Name}.{field.Name}");

    private static bool LooksLikeASentence(string literal) =>
        literal.Length > 3 && char.IsUpper(literal[0]) && literal.Contains(' ') && literal.EndsWith('.');

    private static bool IsPageModel(string file)
    {
        var rel = Relative(file);
        return rel.EndsWith(".cs", StringComparison.Ordinal)
            && (rel.StartsWith("src/Web/Pages/", StringComparison.Ordinal) || rel.StartsWith("src/Web/Areas/", StringComparison.Ordinal));
    }

    private static IEnumerable<string> WebSourceFiles()
    {
        var web = Path.Combine(RepoRoot, "src", "Web");
        return Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f =>
            {
                var rel = Path.GetRelativePath(web, f).Replace('\\', '/');
                return !rel.StartsWith("obj/", StringComparison.Ordinal) && !rel.StartsWith("bin/", StringComparison.Ordinal);
            })
            .Order(StringComparer.Ordinal);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static Dictionary<string, string> ReadResx(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .GroupBy(d => (string)d.Attribute("name")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (string?)g.First().Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) =>
        Regex.Matches(text, @"(?<!\{)\{(\d+)(?:,[^}:]*)?(?::[^}]*)?\}").Select(m => m.Groups[1].Value).ToHashSet();

    private static string Unescape(string literal)
    {
        if (!literal.Contains('\\')) return literal;
        var sb = new StringBuilder(literal.Length);
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] != '\\' || i == literal.Length - 1) { sb.Append(literal[i]); continue; }
            var c = literal[++i];
            switch (c)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case '0': sb.Append('\0'); break;
                case 'u' when i + 4 < literal.Length:
                    sb.Append((char)Convert.ToInt32(literal.Substring(i + 1, 4), 16));
                    i += 4;
                    break;
                default: sb.Append(c); break; // \" \\ \'
            }
        }
        return sb.ToString();
    }

    private static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index; i++) if (text[i] == '\n') line++;
        return line;
    }

    private static string Relative(string path) => Path.GetRelativePath(RepoRoot, path).Replace('\\', '/');

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Portal.sln not found above {AppContext.BaseDirectory}.");
    }
}
