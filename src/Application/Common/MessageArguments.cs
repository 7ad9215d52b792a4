namespace Portal.Application.Common;

/// <summary>
/// Values a validation message needs ("at least {0} characters"): the message itself stays the English text that is
/// the localization key, and the page formats the translation with these.
/// </summary>
public static class MessageArguments
{
    public const string Key = "MessageArguments";

    public static void Add<T>(FluentValidation.ValidationContext<T> context, params object[] arguments) =>
        context.MessageFormatter.AppendArgument(Key, arguments);

    public static object[] Of(FluentValidation.Results.ValidationFailure failure) =>
        failure.CustomState as object[]
        ?? (failure.FormattedMessagePlaceholderValues?.TryGetValue(Key, out var arguments) == true ? arguments as object[] : null)
        ?? [];
}
