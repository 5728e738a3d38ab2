from django_tasks import task

from digikind.policies import services
from digikind.policies.models import PolicyCheck


@task()
def run_policy_check(policy_check_id: int) -> None:
    """Run a stored policy check: at once on the embedded default, by the worker in production."""
    policy_check = PolicyCheck.objects.filter(pk=policy_check_id).first()
    if policy_check is not None and not policy_check.is_finished:
        services.run(policy_check)
