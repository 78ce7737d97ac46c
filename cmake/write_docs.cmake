# Runs the built mkepub to write its man page and shell completions (mkepub --help-man, --completions SHELL) into
# OUT_DIR, laid out as they are installed under <prefix>/share. Called by the build with EXE and OUT_DIR.
function(write_doc file)
  get_filename_component(dir ${OUT_DIR}/${file} DIRECTORY)
  file(MAKE_DIRECTORY ${dir})
  execute_process(COMMAND ${EXE} ${ARGN} OUTPUT_FILE ${OUT_DIR}/${file} RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "${EXE} ${ARGN} failed: ${failed}")
  endif()
endfunction()
write_doc(man/man1/mkepub.1 --help-man)
write_doc(bash-completion/completions/mkepub --completions bash)
write_doc(zsh/site-functions/_mkepub --completions zsh)
write_doc(fish/vendor_completions.d/mkepub.fish --completions fish)
