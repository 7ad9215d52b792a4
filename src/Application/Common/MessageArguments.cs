using FluentValidation;
using Portal.Domain.Common;

namespace Portal.Application.Common;

/// <summary>
/// Values a validation message needs ("at least {0} characters"): the message itself stays the English text that is
/// the localization key, and the page formats the translation with these.
/// </summary>
public static class MessageArguments
{
    public const string Key = "MessageArguments";

    public static void Add<T>(ValidationContext<T> context, params object[] arguments) =>
        context.MessageFormatter.AppendArgument(Key, arguments);

    public static object[] Of(FluentValidation.Results.ValidationFailure failure) =>
        failure.CustomState as object[]
        ?? (failure.FormattedMessagePlaceholderValues?.TryGetValue(Key, out var arguments) == true ? arguments as object[] : null)
        ?? [];

    /// <summary>A message whose placeholders the page fills with <paramref name="arguments"/>, usually the limit the rule checks.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, string message, params object[] arguments) =>
        DefaultValidatorOptions.WithMessage(rule, message).WithState(_ => arguments);

    /// <summary>The domain's refusal as the message, with the arguments its text needs.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, DomainError error) =>
        rule.WithMessage(error.Message, error.Arguments);
}
