using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Portal.Application.Common;
using Portal.Domain.Common;
using Portal.Domain.Pages;
using Portal.Domain.Users;

namespace Portal.Application.Pages;

/// <summary>Creates a page as a draft (Id null) or changes what an existing one says; publishing is a move of its own.</summary>
[RequiresPermission(StaffPermission.ManagePages)]
public sealed record SavePage(
    int? Id,
    PortalPageKind Kind,
    string? Title,
    string? Slug,
    string? Language,
    string? BodyMarkdown,
    DateOnly? PublishedOn) : IStaffRequest, IRequest<int>;

public sealed class SavePageValidator : AbstractValidator<SavePage>
{
    public const int BodyMaxLength = 100_000;
    public const string SlugRequired = "Please enter the page's address.";
    public const string SlugTaken = "Another page already uses this address. Please choose another one.";
    public const string BodyTooLong = "The text may have at most {0:N0} characters.";

    public SavePageValidator()
    {
        RuleFor(p => p.Kind).IsInEnum().WithMessage(DomainErrors.PageKindInvalid.Message);
        RuleFor(p => p.Title).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(DomainErrors.PageTitleRequired.Message)
            .Must(title => title!.Trim().Length <= PortalPage.TitleMaxLength).WithMessage(DomainErrors.PageTitleTooLong);
        RuleFor(p => p.Slug).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(SlugRequired)
            .Must(slug => PortalPage.IsWellFormedSlug(PortalPage.NormalizeSlug(slug))).WithMessage(DomainErrors.PageSlugInvalid.Message)
            .Must(slug => !PortalPage.IsReservedSlug(PortalPage.NormalizeSlug(slug))).WithMessage(DomainErrors.PageSlugReserved.Message);
        RuleFor(p => p.Language).Must(language => language is not null && PortalPage.Languages.Contains(language))
            .WithMessage(DomainErrors.PageLanguageInvalid.Message);
        RuleFor(p => p.PublishedOn).NotNull().When(p => p.Kind == PortalPageKind.BlogPost)
            .WithMessage(DomainErrors.BlogPostNeedsPublicationDate.Message);
        RuleFor(p => p.BodyMarkdown).MaximumLength(BodyMaxLength).WithMessage(BodyTooLong, BodyMaxLength);
    }
}

public sealed class SavePageHandler(
    IRepository<PortalPage> pages, IMarkdownRenderer renderer, ICurrentUser currentUser, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<SavePage, int>
{
    public async ValueTask<int> Handle(SavePage command, CancellationToken cancellationToken)
    {
        var slug = PortalPage.NormalizeSlug(command.Slug);
        // The unique index still guards a race between two saves; this check only gives the usual case a clear message.
        if (await pages.AnyAsync(new OtherPageWithSlugSpec(slug, command.Id), cancellationToken))
            throw new ValidationException([new ValidationFailure(nameof(SavePage.Slug), SavePageValidator.SlugTaken)]);

        var content = new PageContent(command.Kind, command.Title ?? "", slug, command.Language ?? "", command.BodyMarkdown ?? "",
            command.PublishedOn);
        var html = renderer.ToSafeHtml(content.BodyMarkdown);
        var now = clock.GetUtcNow();
        PortalPage page;
        if (command.Id is { } id)
        {
            page = await pages.FirstOrDefaultAsync(new PageByIdSpec(id), cancellationToken) ?? throw new NotFoundException("Page");
            page.Edit(content, html, renderer.Settings, now, currentUser.ActorName);
        }
        else
        {
            page = PortalPage.Create(content, html, renderer.Settings, now, currentUser.ActorName);
            await pages.AddAsync(page, cancellationToken);
        }
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return page.Id;
    }
}
