"""`python -m relay_agent run|sync|status|fault`: the agent without the rest of Loa installed."""

import sys

from relay_agent.cli import main

sys.exit(main())
