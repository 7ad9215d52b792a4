using Microsoft.Extensions.Localization;
using Portal.Domain.Common;

namespace Portal.Web.Infrastructure.Localization;

public static class DomainErrorLocalization
{
    /// <summary>A refusal in the user's language: its message is the key, its arguments (the limits) fill the placeholders.</summary>
    public static LocalizedString Refusal(this IStringLocalizer localizer, DomainError error) => localizer[error.Message, error.Arguments];
}
