using Mediator;
using Portal.Application.Common;
using Portal.Domain.Pages;
using Portal.Domain.Users;

namespace Portal.Application.Pages;

/// <summary>
/// Releases a page to everyone (Public) or to signed-in portal users only (PortalUsers); the page refuses any other audience.
/// </summary>
[RequiresPermission(StaffPermission.ManagePages)]
public sealed record PublishPage(int Id, PageVisibility Audience) : IStaffRequest, IRequest<Unit>;

public sealed class PublishPageHandler(IRepository<PortalPage> pages, ICurrentUser currentUser, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<PublishPage, Unit>
{
    public async ValueTask<Unit> Handle(PublishPage command, CancellationToken cancellationToken)
    {
        var page = await pages.FirstOrDefaultAsync(new PageByIdSpec(command.Id), cancellationToken) ?? throw new NotFoundException("Page");
        page.Publish(command.Audience, clock.GetUtcNow(), currentUser.ActorName);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
