using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Portal.Application.Common;
using Portal.Domain.Common;

namespace Portal.Web.Infrastructure.PageModels;

/// <summary>
/// Failures a page did not handle itself still answer as what they are: a missing record is a 404, a
/// refused or invalid request a 400, a request the user's role doesn't allow a 403, a clash a 409 — never a 500.
/// </summary>
internal sealed class RequestFailureFilter : IAsyncPageFilter, IExceptionFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is { } exception && StatusFor(exception) is { } status)
        {
            executed.Result = new StatusCodeResult(status);
            executed.ExceptionHandled = true;
        }
    }

    public void OnException(ExceptionContext context)
    {
        if (StatusFor(context.Exception) is { } status)
        {
            context.Result = new StatusCodeResult(status);
            context.ExceptionHandled = true;
        }
    }

    private static int? StatusFor(Exception exception) => exception switch
    {
        NotFoundException => StatusCodes.Status404NotFound,
        DomainException refused when refused.Error == DomainErrors.NotPermitted => StatusCodes.Status403Forbidden,
        ValidationException or DomainException => StatusCodes.Status400BadRequest,
        ConflictException => StatusCodes.Status409Conflict,
        _ => null,
    };
}
