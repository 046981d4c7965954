import asyncio
import pytest
from tests.fakediscord import pings

pytestmark = pytest.mark.e2e

async def test_scratch(start_bot, fake_discord):
    proc = await start_bot(env={"FAQ_PATH": "/work/main/faq.yaml"})
    await fake_discord.wait_ready()
    synced = await fake_discord.wait_for_commands("faq")
    print("SYNCED", sorted(synced))
    help_id = fake_discord.channel("help").id
    general = fake_discord.channel("general").id
    staff = fake_discord.channel("staff").id
    alice = fake_discord.user("alice").id
    sent = await fake_discord.send_message(help_id, alice, "what is klonopin?")
    reply = await fake_discord.wait_for_message(help_id, after=int(sent["id"]))
    print("HELP REPLY", reply["embeds"][0]["title"], [f["name"] for f in reply["embeds"][0]["fields"]])
    sent = await fake_discord.send_message(general, alice, "@everyone i took my whole bottle")
    reply = await fake_discord.wait_for_message(general, after=int(sent["id"]))
    print("CRISIS REPLY", reply["content"], pings(reply).nobody)
    alert = await fake_discord.wait_for_message(staff)
    print("ALERT", alert["content"], fake_discord.sent_body(int(alert["id"]))["allowed_mentions"])
    command = await fake_discord.send_slash_command("faq ask", {"question": "is 2mg a lot"}, user_id=fake_discord.user("bob").id)
    await fake_discord.wait_for_interaction_response(command)
    print("ASK", command.response_type, command.original and command.original["embeds"][0]["title"])
    click = await fake_discord.click_button(int(alert["id"]), [c for row in alert["components"] for c in row["components"]][0]["custom_id"], fake_discord.user("sam").id if True else None)
    await fake_discord.wait_for_interaction_response(click)
    print("CLAIM", click.response_type, fake_discord.get_message(int(alert["id"]))["embeds"][0]["fields"][-1])
    await proc.stop()
    print("EXIT", proc.returncode)
    print(proc.stderr[-3000:])
