package moderation

// Hearth's default text for each site page, shown until an admin writes
// their own at /admin/pages. Written for any community that runs Hearth:
// admins should say who they are and how to reach them.

const defaultAbout = `Hearth is a peer-support community: a place to talk with people who understand what you are living with, under a name of your choosing. People come here with grief, anxiety, trauma, depression, caring for someone, and much else.

## What Hearth is

- **People, not professionals.** Members share what has helped them and listen to each other. Moderators are volunteers who keep the groups safe and kind.
- **Private by design.** You join with a pseudonym and a password: no real name, email address or phone number. See the [privacy notice](/privacy).
- **Gentle with hard topics.** Posts about difficult subjects carry trigger warnings, and you choose which topics to show, fold away or hide.

## What Hearth is not

- **Not an emergency service.** Nobody watches the site around the clock. If you or someone else is in danger now, call your local emergency number, or [find a helpline](/crisis).
- **Not therapy or medical advice.** What members share is their own experience. Talk to a doctor or a qualified professional about treatment.

## Finding your way

Read the [community guidelines](/guidelines) before you post, and the [terms of use](/terms) when you join. If someone is using your phone or computer too, [browsing safely](/browsing-safely) explains how to keep your visits private.
`

const defaultGuidelines = `These guidelines apply in every group. Each group adds its own, shown at the top of the group.

## Be kind

- Listen first. Many people here are having the hardest time of their lives.
- Disagree with ideas, never with the person. No insults, mockery or pile-ons.
- Respect every identity, background and belief. Hate has no place here.

## Keep each other safe

- **Use trigger warnings** when you write about suicide, self-harm, abuse, violence, eating disorders or other hard topics. If unsure, add one.
- **No details of methods** of suicide or self-harm, and no numbers (weights, doses) that others might compare themselves to.
- **No diagnosing and no medical instructions.** Share what helped you, and suggest talking to a professional.
- **If someone seems to be in danger**, tell them about the [crisis helplines](/crisis) and use "I'm worried about this person" on their post, so a moderator can look.

## Keep everyone private

- Do not share anything that could identify you or someone else: real names, addresses, workplaces, photos, usernames on other sites.
- What is said here stays here: do not copy other members' words elsewhere.

## No selling, no recruiting

No advertising, fundraising, paid services or links to your own business, and no recruiting for studies without the admins' agreement.

## When things go wrong

Report posts that break these guidelines; reports are confidential. Moderators may fold, hide or redact posts, lock threads, and warn, suspend or ban members, always telling the member why. Every action is in the [public moderation log](/mod/log), without names.
`

const defaultPrivacy = `Hearth keeps as little about you as it can to run a safe community. This notice says what it keeps and why.

## What you tell Hearth

- **Your account:** your pseudonym and a password, stored only as a one-way hash. No real name, email address or phone number is ever asked for.
- **What you write:** your threads, replies and their earlier versions, reactions, reports, and check-ins with moderators.
- **Your settings:** trigger-warning choices, blocked members, breaks, the threads you follow, and, only if you choose one, your country (to show you the right helplines).

## What Hearth records as you use it

- **Signed-in devices:** for each, when it signed in and was last used, and a rough description such as "Firefox on Android", so that you can recognise and sign out a device you do not know.
- **No addresses kept:** Hearth never stores or logs your IP address. To slow down password guessing it counts attempts under a scrambled form of the address that cannot be reversed and changes every day.
- **Cookies:** one to keep you signed in, and short-lived ones that carry a message to the next page. No advertising or tracking cookies, no analytics, and no requests to any other website.
- **Moderation:** moderators see reports and the posts they concern, and every moderator action is recorded with who took it and why. Reporters are never named to the member they reported.

## Your choices

- **Download** everything you wrote, at any time, from Settings.
- **Delete your account** from Settings, choosing whether your posts stay as "former member" or are erased. Deletion cannot be undone. Erased words leave Hearth's pages, search and database at once; copies in the site's backups made before then remain until those backups expire.
- Questions about your data go to the people who run this site; their contact details belong on the [about page](/about).
`

const defaultTerms = `By joining Hearth you agree to these terms. They are short, and written to be read.

## Joining

- You must be at least the minimum age shown when you sign up.
- Choose a pseudonym that does not identify you, keep your password and recovery codes safe, and use one account.

## What you post

- You keep the rights to what you write. You allow Hearth to show it to members and visitors, as the group allows, until you edit, delete or erase it.
- Follow the [community guidelines](/guidelines). Moderators may fold, hide, redact or remove posts and may warn, suspend or ban accounts that break them, and will tell you why.

## What Hearth is not

Hearth is peer support, not an emergency, medical or counselling service. Nobody is watching the site at every moment. If you or someone else is in danger, call your local emergency number or [find a helpline](/crisis).

## Leaving

You may delete your account at any time from Settings. The people who run Hearth may close it if it is used to harm others.

## Changes

If these terms change, the new version will be posted here. Continuing to use Hearth after a change means you accept it.
`
