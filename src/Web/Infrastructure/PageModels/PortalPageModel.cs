using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Web.Infrastructure.Localization;

namespace Portal.Web.Infrastructure.PageModels;

/// <summary>
/// The one thing pages share: send a message and, when it is refused, put the reason on the page in the
/// user's language — field errors next to their field, business refusals at the top.
/// </summary>
public abstract class PortalPageModel : PageModel
{
    protected ISender Sender => HttpContext.RequestServices.GetRequiredService<ISender>();

    protected IStringLocalizer T => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    protected ValueTask<TResponse> SendAsync<TResponse>(IRequest<TResponse> request) =>
        Sender.Send(request, HttpContext.RequestAborted);

    /// <summary>
    /// Sends <paramref name="request"/>; on a refusal returns false with the reasons in ModelState under <paramref name="prefix"/>.
    /// </summary>
    protected async Task<(bool Succeeded, TResponse? Result)> TrySendAsync<TResponse>(IRequest<TResponse> request, string prefix = "Input")
    {
        try
        {
            return (true, await Sender.Send(request, HttpContext.RequestAborted));
        }
        catch (ValidationException e)
        {
            foreach (var failure in e.Errors)
            {
                var key = string.IsNullOrEmpty(failure.PropertyName) ? string.Empty
                    : string.IsNullOrEmpty(prefix) ? failure.PropertyName : $"{prefix}.{failure.PropertyName}";
                ModelState.AddModelError(key, FailureText(failure));
            }
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, T.Refusal(e.Error));
        }
        catch (ConflictException e)
        {
            ModelState.AddModelError(string.Empty, T[e.Message]);
        }
        return (false, default);
    }

    /// <summary>The message of a refusal in the user's language, for pages that show it somewhere other than ModelState.</summary>
    protected string? RefusalText(Exception exception) => exception switch
    {
        ValidationException v => string.Join(" ", v.Errors.Select(e => FailureText(e).Value).Distinct()),
        DomainException d => T.Refusal(d.Error),
        ConflictException c => T[c.Message],
        _ => null,
    };

    /// <summary>A validation failure in the user's language, with the values (limits) its message names.</summary>
    protected LocalizedString FailureText(ValidationFailure failure) => T[failure.ErrorMessage, MessageArguments.Of(failure)];
}
