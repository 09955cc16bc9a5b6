// Package cache holds every cache Hearth keeps in memory, and this table
// is the list of them. The rule: a member-facing entry is checked, on every
// use, against a version the database keeps on a row the request reads
// anyway, moved by triggers in the same transaction as the change, so it is
// exact on both databases and for any number of instances. Only what
// visitors see may be a little old, for at most HEARTH_VISITOR_CACHE.
//
//	what is cached                   | where                  | what invalidates it                                  | databases
//	---------------------------------+------------------------+------------------------------------------------------+----------
//	visitor pages (home, group,      | Versioned, used by     | any write through this instance (store's             | both
//	thread), bytes of 200 responses  | web/pagecache.go       | ContentVersion); another instance's write after      |
//	                                 |                        | HEARTH_VISITOR_CACHE (default 2 s)                   |
//	thread pages' posts and their    | Threads                | threads.content_version (migration 18): any change   | both
//	reactions, shared by members     | (forum.RowCache)       | to the thread's posts or reactions; unread entries   |
//	                                 |                        | leave after HEARTH_THREAD_CACHE (default 1 min)      |
//	a member's tag preferences,      | Members                | users.settings_version (migration 16): any change    | both
//	blocks, breaks, moderators'      |                        | to those rows, to the tag vocabulary (migration 20)  |
//	notices; the tag vocabulary;     |                        | or to the moderation hours (migration 22); breaks    |
//	the moderation hours             |                        | also when the first one ends; at most                |
//	                                 |                        | HEARTH_MEMBER_CACHE members (default 4,096)          |
//	the tag vocabulary, the          | Versioned, used by     | any write through this instance (ContentVersion);    | both
//	moderation hours and the list    | web/visitordata.go     | another instance's write after HEARTH_VISITOR_CACHE  |
//	of groups, for visitors          |                        | (default 2 s)                                        |
//	the site settings of the         | Cover (moderation.     | site_versions.cover (migration 43), read with the    | both
//	moderation cover, kept while     | CoverCache)            | session on a thread's routes: any change to the      |
//	nobody is on duty                |                        | settings or to time on duty, in its transaction      |
//	a member's unread count and      | Members                | member_versions.notices plus the member's rows in    | both
//	follow state of threads they     |                        | notice_marks (migrations 20, 25): their              |
//	read                             |                        | notifications, follows, hidden tags, blocks, and a   |
//	                                 |                        | post or thread they have unread news in changing     |
//	                                 |                        | status, tags, author or thread; a count a new reply  |
//	                                 |                        | alone could change is not kept, nor one with older   |
//	                                 |                        | unread notices behind it (forum.Unread)              |
//	a member's session: the session  | Sessions, used by       | store.DB.DataVersion (SQLite's PRAGMA data_version,  | SQLite
//	row, the member's row and a      | auth.Resolve           | read on a connection that never writes): any commit  |
//	moderator's groups               |                        | by any connection of any process; a session due its  |
//	                                 |                        | five-minute touch is read again; at most             |
//	                                 |                        | HEARTH_MEMBER_CACHE sessions                         |
//	when a member's "new since your  | Members (Visit)        | the clock: a visit is written at most once every     | both
//	last visit" began                |                        | VisitRefresh (5 min) per process; answering from     |
//	                                 |                        | memory within it is exact (the gap that starts a new |
//	                                 |                        | window is forum.VisitGap, an hour)                   |
//	rendered posts and blank reply   | Fragments, keyed in    | nothing: the key hashes every input of the template, | both
//	forms                            | web/fragcache.go       | so a change makes a new key; two generations in      |
//	                                 |                        | 4 MiB                                                |
//	HTML of the seeded groups'       | web/groups_shown.go    | nothing: keyed by the translated Markdown, which is  | both
//	guidelines in other languages    |                        | compiled in (five texts per language)                |
//	compiled SQL statements          | store/stmtcache.go     | nothing: keyed by the query text, per connection;    | SQLite;
//	                                 |                        | PostgreSQL's driver (pgx) keeps its own              | pgx's own
//
// A crisis-level post is folded for other readers in the same write as its
// words (posts.crisis_folded), and unfolded by a write to the post, which
// moves threads.content_version and this process's content version: no
// cache above ever holds its words unfolded before a moderator has looked.
// Another instance's visitor pages may show a post folded a little after a
// moderator's look, never the reverse.
//
// On SQLite a member's session is kept between their requests, checked
// against a version of the whole database that every commit moves, so it
// is exact for any number of processes on one file; its lookup also reads
// the versions the other caches are checked against, which such a commit
// would move. PostgreSQL keeps no such version short of a round trip, the
// cost the cache would save, so there every request reads its session.
//
// cache imports the standard library, hearth/pkg/auth, hearth/pkg/forum and
// hearth/pkg/moderation (for the types it keeps); it never imports echo,
// gorm or the store. hearth/pkg/app builds the caches and hands them to the
// services and the web layer.
package cache
