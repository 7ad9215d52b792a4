using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web;
using Portal.Web.Infrastructure.Localization;

namespace Portal.UnitTests.Localization;

/// <summary>Looked-up strings are kept per culture, so a kept English string never answers a German page, and the other way round.</summary>
public sealed class RememberedStringsTests
{
    private readonly IStringLocalizer _localizer = new RememberedStrings(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance))
        .Create(typeof(SharedResource));

    [Fact]
    public void Each_culture_gets_its_own_translation_however_often_it_is_asked_for()
    {
        InCulture("de", () => _localizer["Sign out"].Value).ShouldBe("Abmelden");
        InCulture("en", () => _localizer["Sign out"].Value).ShouldBe("Sign out");
        InCulture("de", () => _localizer["Sign out"].Value).ShouldBe("Abmelden");
        InCulture("en", () => _localizer["Sign out"]).ResourceNotFound.ShouldBeTrue("English is the names themselves");
    }

    [Fact]
    public void Formatted_strings_take_the_translation_and_the_arguments_of_each_call()
    {
        InCulture("de", () => _localizer["Page {0} of {1}", 2, 7].Value).ShouldBe("Seite 2 von 7");
        InCulture("de", () => _localizer["Page {0} of {1}", 3, 9].Value).ShouldBe("Seite 3 von 9");
        InCulture("en", () => _localizer["Page {0} of {1}", 3, 9].Value).ShouldBe("Page 3 of 9");
    }

    [Fact]
    public void Past_its_bound_a_name_is_still_looked_up_just_not_kept()
    {
        for (var i = 0; i < RememberedStrings.Capacity; i++) InCulture("de", () => _localizer[$"name {i}"]);

        InCulture("de", () => _localizer["My Account"].Value).ShouldBe("Mein Konto");
        InCulture("en", () => _localizer["My Account"].Value).ShouldBe("My Account");
    }

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
