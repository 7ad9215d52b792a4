using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Portal.Web.Infrastructure.Localization;

/// <summary>Model-binding errors (e.g. text where a number belongs) in the user's language too.</summary>
internal sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var t = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => t["The value '{0}' is not valid for {1}.", value, field]);
        messages.SetValueIsInvalidAccessor(value => t["The value '{0}' is invalid.", value]);
        messages.SetValueMustBeANumberAccessor(field => t["The field {0} must be a number.", field]);
        messages.SetMissingBindRequiredValueAccessor(field => t["A value for the '{0}' parameter or property was not provided.", field]);
        messages.SetValueMustNotBeNullAccessor(value => t["The value '{0}' is invalid.", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["The value '{0}' is not valid.", value]);
        messages.SetUnknownValueIsInvalidAccessor(field => t["The supplied value is invalid for {0}.", field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["The supplied value is invalid."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => t["The field must be a number."]);
        messages.SetMissingKeyOrValueAccessor(() => t["A value is required."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => t["A non-empty request body is required."]);
    }
}
