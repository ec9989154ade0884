-- E-lecture packages (SCORM): the page a browser opens first, relative to the package root.
alter table resource_file add column launch_path varchar(1000);
