using FluentValidation;
using FluentValidation.Results;
using Portal.Application.Common;
using Portal.Application.Settings;

namespace Portal.Application.PortalAccess;

/// <summary>
/// NIST SP 800-63B: length over composition. At least the configured minimum (12–64, see the portal's
/// security settings) and at most 128 characters, no composition rules, but nothing a
/// guesser tries early (zxcvbn's dictionaries, sequences, repeats) and nothing built from the user's
/// own e-mail or name.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    /// <summary>Shown with the configured minimum as its argument (see <see cref="MessageArguments"/>).</summary>
    public const string TooShort = "The password must be at least {0} characters long.";
    public const string TooLong = "The password must be at most {0} characters long.";
    public const string TooGuessable =
        "This password is too easy to guess: it is made of common words, names, dates, sequences or repeats. " +
        "A longer phrase of unrelated words works well.";
    public const string ContainsPersonalDataMessage = "The password must not contain your e-mail address or name.";
    public const string ConfirmationMismatch = "The password and its confirmation don't match.";

    private static readonly Zxcvbn.Zxcvbn Estimator = new();

    /// <summary>
    /// The rules for a new password. The minimum length is the one the business configured, read when the rule runs
    /// (validators are singletons), so a change applies to the very next form.
    /// </summary>
    public static IRuleBuilderOptions<T, string> MeetsPasswordPolicy<T>(
        this IRuleBuilderInitial<T, string> rule,
        Func<T, IEnumerable<string?>> personalData,
        IPortalSettings settings) =>
        rule.Cascade(CascadeMode.Stop)
            .MustAsync(async (_, password, context, cancellationToken) =>
            {
                var minimum = Math.Max(MinLength, (await settings.CurrentAsync(cancellationToken)).PasswordMinLength);
                MessageArguments.Add(context, minimum);
                return (password?.Length ?? 0) >= minimum;
            }).WithMessage(TooShort)
            .MaximumLength(MaxLength).WithMessage(TooLong, MaxLength)
            .Must((message, password) => !ContainsPersonalData(password, personalData(message))).WithMessage(ContainsPersonalDataMessage)
            .Must((message, password) => !IsGuessable(password, personalData(message))).WithMessage(TooGuessable);

    /// <summary>
    /// The personal-data rule for forms whose user is only known once the link or session is looked up: a hit is an
    /// error on <paramref name="field"/>, as if the validator had found it.
    /// </summary>
    public static void RefusePersonalData(string password, string field, params string?[] personalData)
    {
        if (ContainsPersonalData(password, personalData))
            throw new ValidationException([new ValidationFailure(field, ContainsPersonalDataMessage)]);
    }

    /// <summary>
    /// The same rules outside a form (a password from the configuration): the first broken rule's message, with the
    /// minimum or maximum filled in, or null when the password passes.
    /// </summary>
    public static string? ProblemWith(string password, int minimumLength, params string?[] personalData)
    {
        var minimum = Math.Max(MinLength, minimumLength);
        if (password.Length < minimum) return string.Format(System.Globalization.CultureInfo.InvariantCulture, TooShort, minimum);
        if (password.Length > MaxLength) return string.Format(System.Globalization.CultureInfo.InvariantCulture, TooLong, MaxLength);
        if (ContainsPersonalData(password, personalData)) return ContainsPersonalDataMessage;
        return IsGuessable(password, personalData) ? TooGuessable : null;
    }

    public static bool IsGuessable(string password, IEnumerable<string?> personalData) =>
        Estimator.EvaluatePassword(password, personalData.OfType<string>().ToList()).Score < 3;

    public static bool ContainsPersonalData(string password, IEnumerable<string?> personalData)
    {
        foreach (var item in personalData.OfType<string>())
        {
            foreach (var part in Parts(item))
            {
                if (part.Length >= 4 && password.Contains(part, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }
        return false;
    }

    // The whole e-mail, its local part, and each word of a name: "anna.berg@x.de" → anna.berg@x.de, anna.berg, anna, berg.
    private static IEnumerable<string> Parts(string value)
    {
        var trimmed = value.Trim();
        yield return trimmed;
        var at = trimmed.IndexOf('@');
        var local = at > 0 ? trimmed[..at] : trimmed;
        yield return local;
        foreach (var word in local.Split([' ', '.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries)) yield return word;
    }
}
