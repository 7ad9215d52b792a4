using FluentValidation;
using Mediator;

namespace Portal.Application.Common;

/// <summary>Runs every validator of a message before its handler; any failure stops the message with a <see cref="ValidationException"/>.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }
        if (failures.Count > 0) throw new ValidationException(failures);
        return await next(message, cancellationToken);
    }
}

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
