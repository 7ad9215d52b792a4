using Portal.Application.PortalAccess.Jobs;

namespace Portal.Infrastructure.PortalAccess;

public sealed class PortalAccessJobSignal : WakeUpSignal, IPortalAccessJobSignal
{
    public void JobQueued() => Wake();
}
