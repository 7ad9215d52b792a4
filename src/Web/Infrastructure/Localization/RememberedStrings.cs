using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Portal.Web.Infrastructure.Localization;

/// <summary>
/// ASP.NET Core's resource localizers, each result kept once looked up. The framework's localizer concatenates a cache key
/// and allocates a new result on every lookup, and every page looks up dozens of strings (the layout alone a dozen).
/// Results are kept per culture and name, English ones too (English is the names themselves, so none is "found"), up to
/// a bound far above the names the resource files and the code hold, so no stream of new names can grow it further.
/// </summary>
public sealed class RememberedStrings(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<Type, IStringLocalizer> byType = new();
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> byName = new();

    public IStringLocalizer Create(Type resourceSource) =>
        byType.GetOrAdd(resourceSource, static (type, resources) => new Localizer(resources.Create(type)), resources);

    public IStringLocalizer Create(string baseName, string location) =>
        byName.GetOrAdd((baseName, location), static (key, resources) => new Localizer(resources.Create(key.BaseName, key.Location)),
            resources);

    /// <summary>Per resource source; the portal's own strings are a little over a thousand names in two languages.</summary>
    public const int Capacity = 10_000;

    private sealed class Localizer(IStringLocalizer resources) : IStringLocalizer
    {
        private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> known = new();
        private int count;

        public LocalizedString this[string name]
        {
            get
            {
                var key = (CultureInfo.CurrentUICulture.Name, name);
                if (known.TryGetValue(key, out var result)) return result;
                result = resources[name];
                if (Volatile.Read(ref count) < Capacity && known.TryAdd(key, result)) Interlocked.Increment(ref count);
                return result;
            }
        }

        // As ResourceManagerStringLocalizer formats: the translation, or the name itself, in the current culture.
        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var format = this[name];
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments),
                    format.ResourceNotFound, format.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.GetAllStrings(includeParentCultures);
    }
}
