using System.Globalization;

namespace Portal.Domain.Common;

/// <summary>
/// A refusal: <see cref="Message"/> is the English text and the localization key, with placeholders ({0}) for
/// <see cref="Arguments"/>, the limits the rule checks.
/// </summary>
public sealed record DomainError(string Code, string Message, params object[] Arguments)
{
    /// <summary>The English text with its arguments filled in, for logs and the exception message.</summary>
    public string Text => Arguments.Length == 0 ? Message : string.Format(CultureInfo.InvariantCulture, Message, Arguments);
}
