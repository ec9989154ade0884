-- Subtitle cues: when each segment of a subtitle file's text starts (seconds, comma-separated), so a hit can open that moment.
alter table resource_file add column cue_starts varchar(1000000);
